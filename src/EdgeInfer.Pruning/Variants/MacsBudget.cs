using System.Globalization;
using System.Text.Json.Serialization;
using EdgeInfer.Core;

namespace EdgeInfer.Pruning.Variants;

/// <summary>
/// A MACs budget for structured pruning: the fraction of the full model's multiply-accumulates the pruned variant
/// keeps, in [0.01, 0.99] at the resolution of variant names (<c>channel-ls-macs0.50</c> keeps half the MACs, so
/// about a 2× speedup). The pruner allocates per-layer ratios to meet it instead of one uniform
/// <see cref="PruningFactor"/>. In JSON a budget is a number (<c>0.5</c>); on the command line <c>--target-macs 0.5</c>;
/// in a query <c>macs=0.5</c>.
/// </summary>
[JsonConverter(typeof(MacsBudgetJsonConverter))]
public readonly record struct MacsBudget
{
    /// <summary>Text of the accepted range, for messages and help texts.</summary>
    public const string RangeText = "[0.01, 0.99]";

    /// <summary>The prefix of a budget in a variant name: <c>macs0.50</c>.</summary>
    public const string NamePrefix = "macs";

    private readonly PruningFactor kept;

    private MacsBudget(PruningFactor kept) => this.kept = kept;

    /// <summary>Fraction of the full model's MACs kept, in [0.01, 0.99].</summary>
    public double KeptFraction => kept.Value;

    /// <summary>The budget in a variant name: <c>macs0.50</c>.</summary>
    public string Name => NamePrefix + kept.Name;

    /// <summary>The budget keeping <paramref name="keptFraction"/> of the MACs; whole hundredths in [0.01, 0.99].</summary>
    /// <exception cref="ArgumentOutOfRangeException">A caller bug; user input goes through <see cref="Parse"/>.</exception>
    public static MacsBudget Of(double keptFraction) =>
        TryOf(keptFraction, out var budget)
            ? budget
            : throw new ArgumentOutOfRangeException(nameof(keptFraction), keptFraction, $"A MACs budget must be in {RangeText} at 0.01.");

    /// <summary>The budget keeping <paramref name="keptFraction"/>, or false outside [0.01, 0.99] or finer than 0.01.</summary>
    public static bool TryOf(double keptFraction, out MacsBudget budget)
    {
        budget = default;
        if (!PruningFactor.TryOf(keptFraction, out var factor) || factor.IsZero)
        {
            return false;
        }

        budget = new MacsBudget(factor);
        return true;
    }

    /// <summary>Parses a budget as a person or a query writes it (<c>0.5</c>, <c>.35</c>); the same digits rule as pf.</summary>
    public static bool TryParse(string? text, out MacsBudget budget)
    {
        budget = default;
        return PruningFactor.TryParse(text, out var factor) && TryOf(factor.Value, out budget);
    }

    /// <summary>Parses a budget (see <see cref="TryParse"/>).</summary>
    /// <exception cref="EdgeInferInputException">"<paramref name="what"/> 'x' is not a fraction in [0.01, 0.99] with at most two decimals."</exception>
    public static MacsBudget Parse(string? text, string what = "MACs budget") =>
        TryParse(text, out var budget)
            ? budget
            : throw new EdgeInferInputException($"{what} '{text}' is not a fraction of the MACs in {RangeText} with at most two decimals.");

    /// <summary>The shortest text that parses back: <c>0.5</c>.</summary>
    public override string ToString() => KeptFraction.ToString("0.##", CultureInfo.InvariantCulture);
}
