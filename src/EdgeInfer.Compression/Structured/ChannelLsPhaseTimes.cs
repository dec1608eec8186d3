using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Compression.Structured;

/// <summary>Where <see cref="ChannelLsPruner"/>'s time went.</summary>
/// <param name="Activations">ONNX Runtime passes: the original network's pass and the pruned network's segments.</param>
/// <param name="Selection">Channel ranking from the contribution Grams, budget allocation and the graph surgery.</param>
/// <param name="LeastSquares">im2col of the sampled positions and the ridge least-squares re-fits.</param>
/// <param name="Correction">The statistics correction of the re-fitted outputs.</param>
public sealed record ChannelLsPhaseTimes(Seconds Activations, Seconds Selection, Seconds LeastSquares, Seconds Correction);
