using EdgeInfer.Pruning.Pipeline;

namespace EdgeInfer.Accuracy.Evaluation;

/// <summary>The ways of building a variant in memory (<see cref="VariantFactory"/>).</summary>
public static class VariantFactories
{
    /// <summary>
    /// Pruning through the pruning engine's in-memory entry point, <see cref="ModelPruning.PruneInMemory"/> (the same
    /// choice of pruner per method as <c>prune</c>, the edge and the study), with the variant's method and factor.
    /// </summary>
    public static VariantFactory Pruning { get; } = (fullModel, variant, _) =>
    {
        ArgumentNullException.ThrowIfNull(variant);
        var method = variant.Method ?? throw new ArgumentException($"{variant} is the full model; there is nothing to build.", nameof(variant));
        return ModelPruning.PruneInMemory(fullModel, new PruneFileOptions(variant.Factor.Value, method));
    };

    /// <summary>The factory every host uses unless told otherwise: <see cref="Pruning"/>.</summary>
    public static VariantFactory Default => Pruning;
}
