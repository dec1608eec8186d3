namespace EdgeInfer.Study.Figures;

/// <summary>One plot of a figure: axes (labels with units, linear or log) and its curves and markers.</summary>
public sealed record FigurePanel
{
    /// <summary>Panel title, e.g. "(a) resnet152".</summary>
    public required string Title { get; init; }

    /// <summary>x-axis label with unit.</summary>
    public required string XLabel { get; init; }

    /// <summary>Left y-axis label with unit.</summary>
    public required string YLabel { get; init; }

    /// <summary>Right y-axis label with unit, when some series use it.</summary>
    public string? RightYLabel { get; init; }

    /// <summary>Logarithmic x axis.</summary>
    public bool LogX { get; init; }

    /// <summary>Logarithmic y axes (both, when there are two).</summary>
    public bool LogY { get; init; }

    /// <summary>The curves.</summary>
    public required IReadOnlyList<FigureSeries> Series { get; init; }

    /// <summary>Reference lines.</summary>
    public IReadOnlyList<FigureMarker> Markers { get; init; } = [];
}
