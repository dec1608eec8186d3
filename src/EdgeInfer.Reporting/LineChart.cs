namespace EdgeInfer.Reporting;

/// <summary>
/// A line chart: a title, an x-axis, a left y-axis, an optional right y-axis, and series. Validated by
/// <see cref="Problems"/>; <see cref="ChartWriter"/> renders it to PNG and SVG next to a CSV of the same data.
/// </summary>
public sealed record LineChart(string Title, AxisSpec XAxis, AxisSpec LeftAxis, IReadOnlyList<Series> Series)
{
    /// <summary>The secondary y-axis, required when any series uses <see cref="YAxisSide.Right"/>.</summary>
    public AxisSpec? RightAxis { get; init; }

    /// <summary>Image width, pixels (≥ 200). Default 800.</summary>
    public int WidthPixels { get; init; } = 800;

    /// <summary>Image height, pixels (≥ 150). Default 500.</summary>
    public int HeightPixels { get; init; } = 500;

    /// <summary>Every problem, empty when the chart can be drawn.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Series is null || Series.Count == 0)
        {
            problems.Add("a chart needs at least one series");
            return problems;
        }

        if (WidthPixels < 200 || HeightPixels < 150)
        {
            problems.Add($"size {WidthPixels}x{HeightPixels} is below 200x150 pixels");
        }

        foreach (var s in Series)
        {
            if (s.X.Count != s.Y.Count)
            {
                problems.Add($"series '{s.Name}' has {s.X.Count} x values and {s.Y.Count} y values");
                continue;
            }

            if (s.Extrapolated is not null && s.Extrapolated.Count != s.X.Count)
            {
                problems.Add($"series '{s.Name}' has {s.Extrapolated.Count} extrapolation flags for {s.X.Count} points");
            }

            if (s.X.Concat(s.Y).Any(v => !double.IsFinite(v)))
            {
                problems.Add($"series '{s.Name}' has a NaN or infinite value");
            }

            var yAxis = s.Axis == YAxisSide.Right ? RightAxis : LeftAxis;
            if (s.Axis == YAxisSide.Right && RightAxis is null)
            {
                problems.Add($"series '{s.Name}' uses the right axis but the chart has none");
            }

            if (XAxis.Logarithmic && s.X.Any(v => v <= 0))
            {
                problems.Add($"series '{s.Name}' has x ≤ 0 on a logarithmic axis");
            }

            if (yAxis is { Logarithmic: true } && s.Y.Any(v => v <= 0))
            {
                problems.Add($"series '{s.Name}' has y ≤ 0 on a logarithmic axis");
            }
        }

        return problems;
    }
}
