using System.Globalization;
using EdgeInfer.Study.Config;
using EdgeInfer.Study.Measurement;
using EdgeInfer.Study.Running;

namespace EdgeInfer.Study.Figures;

/// <summary>
/// The accuracy the planner sees in every decision of the study, and a plain statement of where it comes from. The
/// study's networks (ResNet-152, DenseNet-201, MobileNet) are untrained: their own accuracy would be chance. The trained
/// accuracy model (the proxy, <c>resnet18-fmnist</c> by default) at the same variant stands in for them: its full model's
/// Top-1/Top-5 for their full model, its comparison variant's (same method and budget) for their pruned one. The minimum
/// is the proxy's full Top-1 less <see cref="StudyConfig.MaxTop1LossPoints"/>.
/// </summary>
public sealed record DecisionAccuracy
{
    /// <summary>The proxy's full model, or null when accuracy was not measured.</summary>
    public MeasuredAccuracy? Full { get; init; }

    /// <summary>The proxy's comparison variant, or null when it was not measured (then a set minimum rules the pruned variant out).</summary>
    public MeasuredAccuracy? Pruned { get; init; }

    /// <summary>The least Top-1 every decision requires, fraction in [0, 1]; null: no accuracy constraint.</summary>
    public double? MinTop1 { get; init; }

    /// <summary>What stands in for the untrained networks' accuracy, or that no accuracy constraint could be applied, in one paragraph.</summary>
    public required string Statement { get; init; }

    /// <summary>The accuracy of <paramref name="measurements"/> as <paramref name="config"/> asks the decisions to use it.</summary>
    public static DecisionAccuracy For(StudyConfig config, StudyMeasurements measurements)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(measurements);
        var untrained = string.Join(", ", config.Models);
        var full = config.AccuracyModel is { } proxy
            ? measurements.Accuracy.FirstOrDefault(a => a.Variant.IsFull && a.Variant.Model == proxy)
            : null;
        if (config.AccuracyModel is not { } model || full is null)
        {
            return new DecisionAccuracy
            {
                Statement = $"No accuracy constraint could be applied: {measurements.AccuracyNote ?? "no accuracy was measured"}. The untrained "
                    + $"networks ({untrained}) have no accuracy of their own (seeded random weights), so no decision below takes accuracy into "
                    + "account, and a pruned variant may be chosen however much accuracy it would lose.",
            };
        }

        var comparison = config.ComparisonVariant(model);
        var pruned = measurements.Accuracy.FirstOrDefault(a => a.Variant.Name == comparison.Name);
        double? minimum = config.MaxTop1LossPoints is { } loss ? Math.Max(0, full.Top1 - (loss / 100)) : null;
        var statement = $"The untrained networks ({untrained}) have no accuracy of their own (seeded random weights). The trained proxy "
            + $"`{model}` at the same method and budget stands in for them in every decision: Top-1 {P(full.Top1)} for their full model, "
            + (pruned is null ? $"unknown for their `{comparison.Name}` (not measured)" : $"{P(pruned.Top1)} for their `{comparison.Name}`")
            + $" ({full.Images} images of {full.Dataset}). "
            + (minimum is { } min
                ? F($"Every decision requires Top-1 ≥ {P(min)} (at most {config.MaxTop1LossPoints:0.##} points below the full model, ")
                  + "`maxTop1LossPoints`); a variant below it is ruled out and the decision says so."
                : "No minimum is set (`maxTop1LossPoints` is null): accuracy is shown but constrains nothing.");
        return new DecisionAccuracy { Full = full, Pruned = pruned, MinTop1 = minimum, Statement = statement };
    }

    private static string P(double fraction) => F($"{fraction * 100:0.0} %");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
