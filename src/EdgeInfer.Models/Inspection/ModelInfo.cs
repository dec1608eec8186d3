using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Models.Inspection;

/// <summary>What <see cref="ModelInspector"/> reports about a model.</summary>
public sealed record ModelInfo
{
    /// <summary>Learned parameters (see <see cref="ParameterCounter"/>).</summary>
    public required long Parameters { get; init; }

    /// <summary>Multiply-accumulates of Conv, Gemm and MatMul for one image (batch 1); null when shapes are not static.</summary>
    public required long? Macs { get; init; }

    /// <summary>Serialized size of the model file.</summary>
    public required Bytes Size { get; init; }

    /// <summary>Graph inputs (initializers excluded).</summary>
    public required IReadOnlyList<TensorSpec> Inputs { get; init; }

    /// <summary>Graph outputs.</summary>
    public required IReadOnlyList<TensorSpec> Outputs { get; init; }

    /// <summary>True for trained weights, false for EdgeInfer's seeded (untrained) ones, null when nothing says.</summary>
    public required bool? Trained { get; init; }

    /// <summary>Catalog architecture for built models (e.g. <c>resnet152</c>), else null.</summary>
    public string? Architecture { get; init; }

    /// <summary>The default-domain opset the model imports.</summary>
    public long Opset { get; init; }

    /// <summary>Number of graph nodes.</summary>
    public int Nodes { get; init; }

    /// <summary>The model's producer_name.</summary>
    public string Producer { get; init; } = string.Empty;
}
