namespace EdgeInfer.Reporting;

/// <summary>How a series' line is drawn.</summary>
public enum LineStyle
{
    /// <summary>A continuous line.</summary>
    Solid,

    /// <summary>A dashed line.</summary>
    Dashed,

    /// <summary>A dotted line.</summary>
    Dotted,

    /// <summary>Markers only, no line.</summary>
    None,
}
