using System.Diagnostics;
using System.Globalization;
using EdgeInfer.Core;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Models.Inspection;
using EdgeInfer.Pruning.Pipeline;
using EdgeInfer.Pruning.Variants;
using Onnx;

namespace EdgeInfer.Compression.Building;

/// <summary>
/// A MACs budget for the data-free <c>channel</c> method, which prunes every group at one uniform pf: the smallest pf (in
/// hundredths, as variants are named) whose pruned model keeps at most the budget's fraction of the MACs, found by
/// bisection (MACs fall as pf grows; about seven trial prunes of a copy), then applied to the model.
/// </summary>
internal static class ChannelBudgetSearch
{
    /// <summary>Prunes <paramref name="model"/> in place at the smallest uniform pf that meets <paramref name="budget"/>.</summary>
    /// <exception cref="EdgeInferInputException">The MACs are unknown (shapes not static) or even pf 0.99 keeps too many.</exception>
    public static (PruningFactor Factor, ModelPruneResult Result, Seconds Search) Prune(
        ModelProto model, MacsBudget budget, VariantBuildOptions options, IProgress<string>? progress)
    {
        var start = Stopwatch.GetTimestamp();
        var full = ShapeInference.Run(model.Graph).Macs
            ?? throw new EdgeInferInputException(
                "The model's MACs are unknown (its shapes are not static), so a MACs budget cannot be met; give a uniform pf.");
        var target = budget.KeptFraction * full;
        long MacsAt(int hundredths)
        {
            var copy = model.Clone();
            ModelPruning.PruneModel(copy, options.Pruning(PruningMethod.Channel, hundredths / 100.0, withOutputs: false));
            var macs = ShapeInference.Run(copy.Graph).Macs ?? full;
            progress?.Report(string.Create(
                CultureInfo.InvariantCulture,
                $"channel pf {hundredths / 100.0:0.00} keeps {(double)macs / full:P1} of the MACs (budget {budget.KeptFraction:P0})"));
            return macs;
        }

        var (low, high) = (0, 99);
        var highest = MacsAt(high);
        if (highest > target)
        {
            throw new EdgeInferInputException(string.Create(CultureInfo.InvariantCulture,
                $"channel pruning keeps {(double)highest / full:P1} of the MACs even at pf 0.99, above the budget {budget}; choose a larger budget."));
        }

        // Invariant: MacsAt(low) > target (pf 0 keeps everything, above any budget < 1) and MacsAt(high) <= target.
        while (high - low > 1)
        {
            var middle = (low + high) / 2;
            if (MacsAt(middle) <= target)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        var search = new Seconds(Stopwatch.GetElapsedTime(start).TotalSeconds);
        var factor = PruningFactor.Of(high / 100.0);
        var result = ModelPruning.PruneModel(model, options.Pruning(PruningMethod.Channel, factor.Value, withOutputs: false));
        return (factor, result, search);
    }
}
