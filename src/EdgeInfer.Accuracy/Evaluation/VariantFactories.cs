using EdgeInfer.Core;
using EdgeInfer.Pruning.Pipeline;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Accuracy.Evaluation;

/// <summary>The ways of building a variant in memory (<see cref="VariantFactory"/>).</summary>
public static class VariantFactories
{
    /// <summary>
    /// Pruning through the pruning engine's in-memory entry point, <see cref="ModelPruning.PruneInMemory"/> (the same
    /// choice of pruner per method as <c>prune</c>, the edge and the study), with the variant's method and uniform factor.
    /// It builds what that engine builds and refuses the rest by name rather than build something else under its name.
    /// </summary>
    /// <exception cref="EdgeInferInputException">A variant it cannot build: see <see cref="PruningProblem"/>.</exception>
    public static VariantFactory Pruning { get; } = (fullModel, variant, _) =>
    {
        ArgumentNullException.ThrowIfNull(variant);
        if (PruningProblem(variant) is { } problem)
        {
            throw new EdgeInferInputException(problem);
        }

        return ModelPruning.PruneInMemory(fullModel, new PruneFileOptions(variant.Factor.Value, variant.Method!.Value));
    };

    /// <summary>The factory every host uses unless told otherwise: <see cref="Pruning"/>.</summary>
    public static VariantFactory Default => Pruning;

    /// <summary>
    /// Why <see cref="Pruning"/> cannot build <paramref name="variant"/>, or null when it can: it builds the magnitude
    /// methods and <c>channel</c> at a uniform pruning factor, in float; not the full model (nothing to build), data-aware
    /// methods (calibration images), MACs budgets or INT8 quantization.
    /// </summary>
    public static string? PruningProblem(ModelVariant variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        return variant switch
        {
            { IsPruned: false, IsQuantized: false } => $"{variant} is the full model; there is nothing to build.",
            { NeedsCalibration: true } or { Budget: not null } =>
                $"{variant}: the in-memory pruning engine builds {PruningMethod.Global.Name()}, {PruningMethod.Layer.Name()} and "
                + $"{PruningMethod.Channel.Name()} at a uniform pruning factor; {variant.Name} needs the compression builder "
                + "(calibration images, a MACs budget or INT8), which this build does not use yet.",
            _ => null,
        };
    }
}
