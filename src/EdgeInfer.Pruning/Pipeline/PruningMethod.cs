namespace EdgeInfer.Pruning.Pipeline;

/// <summary>How a model is pruned.</summary>
public enum PruningMethod
{
    /// <summary>Unstructured magnitude pruning with one threshold over all prunable weights.</summary>
    Global,

    /// <summary>Unstructured magnitude pruning of each prunable tensor to the factor.</summary>
    Layer,

    /// <summary>Structured pruning: whole output channels with the smallest L1 norm are removed.</summary>
    Channel,
}
