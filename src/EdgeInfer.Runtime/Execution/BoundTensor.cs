namespace EdgeInfer.Runtime.Execution;

/// <summary>
/// A float32 tensor bound to a <see cref="RuntimeSession"/>: its graph name and the concrete shape of its buffer (dynamic
/// dimensions fixed to 1). Not to be confused with <c>Models.Inspection.TensorSpec</c>, a graph value as the file declares it
/// (element type, symbolic dims).
/// </summary>
/// <param name="Name">The graph input or output name.</param>
/// <param name="Shape">Concrete dimensions, outermost first.</param>
public sealed record BoundTensor(string Name, IReadOnlyList<long> Shape)
{
    /// <summary>Number of elements (product of <see cref="Shape"/>).</summary>
    public long ElementCount => Shape.Aggregate(1L, (a, d) => checked(a * d));
}
