using EdgeInfer.Study.Figures;

namespace EdgeInfer.Cli.Commands.Reproduce;

/// <summary>The figure renderer of the study: EdgeInfer.Reporting (ScottPlot) PNG and SVG next to each CSV.</summary>
internal static class ReproduceFigures
{
    public static IFigureRenderer Renderer() => new ReportingFigureRenderer();
}
