using Onnx;

namespace EdgeInfer.Models.Building;

/// <summary>An initializer declared by a builder and how to fill it; <paramref name="FanIn"/> is used by He-normal only.</summary>
internal sealed record WeightSpec(TensorProto Tensor, WeightInit Init, int FanIn)
{
    /// <summary>Number of float elements (product of the dims).</summary>
    public long ElementCount => Tensor.Dims.Aggregate(1L, (a, d) => a * d);
}
