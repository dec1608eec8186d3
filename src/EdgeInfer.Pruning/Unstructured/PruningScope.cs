namespace EdgeInfer.Pruning.Unstructured;

/// <summary>Where the magnitude threshold of unstructured pruning is computed.</summary>
public enum PruningScope
{
    /// <summary>One threshold over every prunable tensor together (PyTorch's <c>global_unstructured</c>).</summary>
    Global,

    /// <summary>Each prunable tensor is pruned to the factor on its own (layer by layer).</summary>
    Layer,
}
