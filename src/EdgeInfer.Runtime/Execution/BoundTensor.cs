namespace EdgeInfer.Runtime.Execution;

/// <summary>A bound float32 tensor of a <see cref="RuntimeSession"/>: its graph name and the concrete shape in use (dynamic dimensions fixed to 1).</summary>
/// <param name="Name">The graph input or output name.</param>
/// <param name="Shape">Concrete dimensions, outermost first.</param>
public sealed record TensorSpec(string Name, IReadOnlyList<long> Shape)
{
    /// <summary>Number of elements (product of <see cref="Shape"/>).</summary>
    public long ElementCount => Shape.Aggregate(1L, (a, d) => checked(a * d));
}
