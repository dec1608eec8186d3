using EdgeInfer.Study.Figures;

namespace EdgeInfer.Cli.Commands.Reproduce;

/// <summary>The figure renderer of the study (PNG and SVG); null writes only the CSVs.</summary>
internal static class ReproduceFigures
{
    public static IFigureRenderer? Renderer() => null;
}
