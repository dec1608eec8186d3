namespace EdgeInfer.Study.Figures;

/// <summary>A labelled reference line: vertical at x (a threshold, a break-even Q) or horizontal at y (a battery capacity).</summary>
/// <param name="Value">x for a vertical marker, y (left axis unit) for a horizontal one.</param>
/// <param name="Label">Legend text.</param>
/// <param name="Vertical">True for a vertical line.</param>
public sealed record FigureMarker(double Value, string Label, bool Vertical);
