using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Pruning.Pipeline;

/// <summary>Sizes of the outputs; null where not produced or measured.</summary>
/// <param name="Dense">The pruned dense ONNX file.</param>
/// <param name="Wire">The <c>.eiw</c> wire encoding.</param>
/// <param name="Coo">ONNX with COO <c>sparse_initializer</c>.</param>
/// <param name="Gzip">gzip level 6 of the pruned dense ONNX file.</param>
public sealed record PruneSizes(Bytes Dense, Bytes? Wire, Bytes? Coo, Bytes? Gzip);
