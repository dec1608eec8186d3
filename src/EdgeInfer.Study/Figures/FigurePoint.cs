namespace EdgeInfer.Study.Figures;

/// <summary>One plotted point.</summary>
/// <param name="X">Abscissa in the panel's x unit.</param>
/// <param name="Y">Ordinate in the unit of the series' axis.</param>
/// <param name="Kind">Measured, interpolated or extrapolated.</param>
public readonly record struct FigurePoint(double X, double Y, PointKind Kind = PointKind.Measured);
