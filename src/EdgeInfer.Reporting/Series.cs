namespace EdgeInfer.Reporting;

/// <summary>
/// One line of a <see cref="LineChart"/>: points (x, y) in data units, drawn in order. Points flagged in
/// <see cref="Extrapolated"/> are drawn with open markers (measured points have filled ones) and marked in the CSV.
/// </summary>
/// <param name="Name">Legend text.</param>
/// <param name="X">x values, data units.</param>
/// <param name="Y">y values, data units; same length as <paramref name="X"/>.</param>
public sealed record Series(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    /// <summary>Line style. Default solid.</summary>
    public LineStyle Line { get; init; } = LineStyle.Solid;

    /// <summary>The y-axis this series uses. Default left.</summary>
    public YAxisSide Axis { get; init; } = YAxisSide.Left;

    /// <summary>Per point: true when extrapolated rather than measured. Null = all measured.</summary>
    public IReadOnlyList<bool>? Extrapolated { get; init; }

    /// <summary>Colour as <c>#RRGGBB</c>, or null for the palette's next colour.</summary>
    public string? Color { get; init; }

    /// <summary>Whether point <paramref name="index"/> is extrapolated.</summary>
    public bool IsExtrapolated(int index) => Extrapolated is not null && Extrapolated[index];
}
