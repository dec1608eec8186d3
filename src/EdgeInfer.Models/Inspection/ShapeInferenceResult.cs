namespace EdgeInfer.Models.Inspection;

/// <summary>
/// What <see cref="ShapeInference"/> found. Shapes are per value name: a dim of −1 is unknown; a missing entry or
/// null means the rank itself is unknown (an operator the walker does not model).
/// </summary>
public sealed class ShapeInferenceResult
{
    internal ShapeInferenceResult(IReadOnlyDictionary<string, long[]?> shapes, long? macs, IReadOnlyList<string> problems)
    {
        Shapes = shapes;
        Macs = macs;
        Problems = problems;
    }

    /// <summary>Inferred shape of every value (graph inputs, initializers, node outputs).</summary>
    public IReadOnlyDictionary<string, long[]?> Shapes { get; }

    /// <summary>
    /// Multiply-accumulates of Conv, Gemm and MatMul nodes at the walked batch size (other operators count zero); null when some
    /// such node has an input shape that is not fully static (dynamic dims other than batch, or an unmodelled operator upstream).
    /// </summary>
    public long? Macs { get; }

    /// <summary>Inconsistencies found (e.g. a Conv whose input channels do not match its weight); empty for a consistent graph.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The shape of <paramref name="name"/>, or null when unknown.</summary>
    public long[]? ShapeOf(string name) => Shapes.TryGetValue(name, out var s) ? s : null;
}
