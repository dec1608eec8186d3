namespace EdgeInfer.Reporting;

/// <summary>Which y-axis a series is measured against.</summary>
public enum YAxisSide
{
    /// <summary>The primary (left) axis.</summary>
    Left,

    /// <summary>The secondary (right) axis; the chart must define <see cref="LineChart.RightAxis"/>.</summary>
    Right,
}
