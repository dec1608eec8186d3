namespace EdgeInfer.Study.Figures;

/// <summary>One curve: points (x, y, kind) and how to draw it.</summary>
/// <param name="Label">Legend text.</param>
/// <param name="Points">The points, in x order.</param>
/// <param name="Dashed">Dashed line (e.g. energy in Fig. 2(b), Top-1 in Fig. 2(a)).</param>
/// <param name="RightAxis">Plotted against the panel's right-hand axis.</param>
/// <param name="ColorIndex">Colour slot, so that related curves share a colour across panels.</param>
public sealed record FigureSeries(string Label, IReadOnlyList<FigurePoint> Points, bool Dashed = false, bool RightAxis = false, int ColorIndex = 0);
