namespace EdgeInfer.Study.Figures;

/// <summary>The least edge load at which a device strategy's cycle delay is below an edge strategy's, and how the edge times there were obtained.</summary>
/// <param name="Load">Edge load L (whole tasks).</param>
/// <param name="Kind">Measured, interpolated or extrapolated edge times at that load.</param>
public sealed record LoadThreshold(int Load, PointKind Kind);
