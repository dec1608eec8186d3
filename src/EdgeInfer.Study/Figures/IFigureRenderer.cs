namespace EdgeInfer.Study.Figures;

/// <summary>Draws a <see cref="Figure"/> as images (PNG and SVG) next to its CSV.</summary>
public interface IFigureRenderer
{
    /// <summary>Writes <c>&lt;folder&gt;/&lt;figure.Name&gt;.png</c> and <c>.svg</c>; returns the paths written (none when the figure has no data).</summary>
    IReadOnlyList<string> Render(Figure figure, string folder);
}
