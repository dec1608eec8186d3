namespace EdgeInfer.Reporting;

/// <summary>One panel of a multi-panel figure: a <see cref="LineChart"/> and its reference lines.</summary>
/// <param name="Chart">The chart (its size is the panel's size).</param>
public sealed record ChartPanel(LineChart Chart)
{
    /// <summary>Reference lines drawn over the chart.</summary>
    public IReadOnlyList<ReferenceLine> Lines { get; init; } = [];
}
