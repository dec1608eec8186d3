namespace EdgeInfer.Reporting;

/// <summary>
/// A labelled reference line across a chart: vertical at an x value (a threshold, a break-even point) or horizontal at a
/// left-axis y value (a capacity). Drawn thin and dashed in grey unless a colour is given, and listed in the legend.
/// </summary>
/// <param name="Value">x (vertical) or left-axis y (horizontal), data units.</param>
/// <param name="Label">Legend text.</param>
/// <param name="Vertical">True for a vertical line.</param>
public sealed record ReferenceLine(double Value, string Label, bool Vertical)
{
    /// <summary>Colour as <c>#RRGGBB</c>; null: grey.</summary>
    public string? Color { get; init; }
}
