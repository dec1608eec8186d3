namespace EdgeInfer.Study.Figures;

/// <summary>
/// The least edge load on the plotted grid at which a device strategy's cycle delay is below an edge strategy's, and how
/// the edge times there were obtained (a grid point; <c>Runtime.Profiles.LoadThreshold.Find</c> refines a crossing
/// between sweep loads instead).
/// </summary>
/// <param name="Load">Edge load L (whole tasks).</param>
/// <param name="Kind">Measured, interpolated or extrapolated edge times at that load.</param>
public sealed record LoadCrossing(int Load, PointKind Kind);
