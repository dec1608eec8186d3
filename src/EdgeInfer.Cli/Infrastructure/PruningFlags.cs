using System.CommandLine;
using System.CommandLine.Parsing;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Cli.Infrastructure;

/// <summary>
/// The pruning flags every command declares the same way: <c>--method</c> (the names of <see cref="PruningMethods"/>, or
/// where any variant may be asked for, a kind of <see cref="ModelVariant.KindNames"/>: <c>channel-ls+int8</c>, <c>int8</c>),
/// <c>--pf</c> (a <see cref="PruningFactor"/>, one factor or a comma-separated list) and <c>--target-macs</c> (a
/// <see cref="MacsBudget"/>). Values are checked by the parser itself, so a bad one is a parse error (exit 2) naming the
/// flag, before any work starts; how they combine into a variant is <see cref="ModelVariant.FromRequest"/>'s rule
/// (<see cref="Variant"/>).
/// </summary>
internal static class PruningFlags
{
    /// <summary>The pruning method flag's name.</summary>
    public const string MethodName = "--method";

    /// <summary>The pruning factor flag's name.</summary>
    public const string FactorName = "--pf";

    /// <summary>The MACs budget flag's name.</summary>
    public const string TargetMacsName = "--target-macs";

    /// <summary>
    /// <c>--method KIND</c> (any case): a pruning method, <c>int8</c>, or a method with <c>+int8</c>; default global. The value
    /// is the kind's text, checked here and turned into a variant by <see cref="Variant"/>.
    /// </summary>
    public static Option<string> Kind(string? extra = null)
    {
        var option = new Option<string>(MethodName)
        {
            Description = "What is done to the model: global (one magnitude threshold over all weights), layer (each weight tensor at pf), "
                + "channel (structured: whole channels removed by weight norm), channel-ls (structured, channels chosen and weights refitted "
                + "on calibration images), int8 (post-training INT8 quantization), or a method with +int8 (pruned, then quantized). "
                + "Default global." + (extra is null ? string.Empty : " " + extra),
            HelpName = string.Join("|", ModelVariant.KindNames),
            DefaultValueFactory = _ => PruningMethod.Global.Name(),
            CustomParser = result => result.Tokens.Count == 0 ? PruningMethod.Global.Name() : ParseKind(result),
        };
        option.CompletionSources.Add([.. ModelVariant.KindNames]);
        return option;
    }

    /// <summary><c>--target-macs F</c>: a MACs budget (fraction of the full model's MACs kept) for the structured methods, or null.</summary>
    public static Option<MacsBudget?> TargetMacs() => new(TargetMacsName)
    {
        Description = $"Instead of --pf: prune (channel, channel-ls) until the model keeps this fraction of its MACs, in {MacsBudget.RangeText} "
            + "with at most two decimals (0.5 is about a 2x speedup).",
        HelpName = "fraction",
        CustomParser = result => result.Tokens.Count == 0 ? null : ParseBudget(result),
    };

    /// <summary>
    /// The variant of <paramref name="model"/> the flags ask for, by <see cref="ModelVariant.FromRequest"/>'s rules, with its
    /// problems (pf and budget together, a budget with a magnitude method, an amount with plain <c>int8</c>) naming the flags.
    /// </summary>
    /// <exception cref="Core.EdgeInferInputException">The flags do not make a variant (exit 2).</exception>
    public static ModelVariant Variant(string model, string kind, PruningFactor? pf, MacsBudget? macs) =>
        FlagProblems.Naming(
            () => ModelVariant.FromRequest(model, pf?.ToString(), kind, macs?.ToString()),
            ("pf", FactorName), ("macs", TargetMacsName), ("method '", MethodName + " '"));

    /// <summary>
    /// As <see cref="Variant"/>, where a pruned variant needs an amount: a kind with a method and neither <c>--pf</c> nor
    /// <c>--target-macs</c> is a usage error naming both.
    /// </summary>
    /// <exception cref="UsageException">A pruning kind without an amount.</exception>
    public static ModelVariant RequiredVariant(string model, string kind, PruningFactor? pf, MacsBudget? macs)
    {
        var prunes = ModelVariant.TryParseKind(kind, out var method, out _) && method is not null;
        return prunes && pf is null && macs is null
            ? throw new UsageException($"{MethodName} {kind} prunes: give {FactorName} (a uniform pruning factor) or {TargetMacsName} (a MACs budget).")
            : Variant(model, kind, pf, macs);
    }

    /// <summary><c>--method global|layer|channel</c> (any case), default global.</summary>
    public static Option<PruningMethod> Method()
    {
        var option = new Option<PruningMethod>(MethodName)
        {
            Description = "Pruning method: global (one magnitude threshold over all weights), layer (each weight tensor at pf) "
                + "or channel (structured: whole output channels removed). Default global.",
            HelpName = string.Join("|", PruningMethods.Names),
            DefaultValueFactory = _ => PruningMethod.Global,
            CustomParser = result => result.Tokens.Count == 0 ? PruningMethod.Global : ParseMethod(result),
        };
        option.CompletionSources.Add([.. PruningMethods.Names]);
        return option;
    }

    /// <summary>
    /// <c>--pf F</c>: one pruning factor, written as plain decimals (<c>0.7</c>) in <see cref="PruningFactor.RangeText"/>
    /// with at most two decimals.
    /// </summary>
    /// <param name="purpose">What the factor is for in this command (the help text adds the range).</param>
    /// <param name="defaultValue">The value when the flag is absent; null makes the flag required.</param>
    /// <param name="aboveZero">Reject 0 (the full model) where a command needs a pruned variant.</param>
    public static Option<PruningFactor> Factor(string purpose, double? defaultValue = null, bool aboveZero = false)
    {
        var option = new Option<PruningFactor>(FactorName)
        {
            Description = Describe(purpose, aboveZero),
            HelpName = "pf",
            Required = defaultValue is null,
        };
        var fallback = defaultValue is { } value ? PruningFactor.Of(value) : PruningFactor.Zero;
        option.CustomParser = result => result.Tokens.Count == 0 ? fallback : ParseFactor(result, aboveZero) ?? fallback;
        if (defaultValue is not null)
        {
            option.DefaultValueFactory = _ => fallback;
        }

        return option;
    }

    /// <summary><c>--pf F</c> that may be left out (null): as <see cref="Factor"/> otherwise.</summary>
    public static Option<PruningFactor?> OptionalFactor(string purpose, bool aboveZero = false) => new(FactorName)
    {
        Description = Describe(purpose, aboveZero),
        HelpName = "pf",
        CustomParser = result => result.Tokens.Count == 0 ? null : ParseFactor(result, aboveZero),
    };

    /// <summary><c>--pf F,F,…</c>: one or more pruning factors, comma-separated (spaces around commas allowed).</summary>
    /// <param name="purpose">What the factors are for.</param>
    /// <param name="defaults">The factors when the flag is absent.</param>
    public static Option<IReadOnlyList<PruningFactor>> Factors(string purpose, params double[] defaults)
    {
        var values = Array.ConvertAll(defaults, PruningFactor.Of);
        return new Option<IReadOnlyList<PruningFactor>>(FactorName)
        {
            Description = $"{purpose}: pruning factors, comma-separated, each in {PruningFactor.RangeText} with at most two decimals. "
                + $"Default {string.Join(",", values)}.",
            HelpName = "pf,pf,...",
            DefaultValueFactory = _ => values,
            CustomParser = result => result.Tokens.Count == 0 ? values : ParseFactors(result),
        };
    }

    private static string Describe(string purpose, bool aboveZero) =>
        $"{purpose}: a pruning factor in {(aboveZero ? "(0, 0.99]" : PruningFactor.RangeText)} with at most two decimals"
        + (aboveZero ? "." : " (0 is the full model).");

    private static PruningMethod ParseMethod(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
        if (PruningMethods.TryParse(text, out var method))
        {
            return method;
        }

        result.AddError(PruningMethods.Problem(text, MethodName));
        return default;
    }

    private static string ParseKind(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
        if (ModelVariant.TryParseKind(text, out _, out _))
        {
            return text!;
        }

        result.AddError(ModelVariant.KindProblem(text, MethodName));
        return PruningMethod.Global.Name();
    }

    private static MacsBudget? ParseBudget(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
        if (MacsBudget.TryParse(text, out var budget))
        {
            return budget;
        }

        result.AddError($"{TargetMacsName} '{text}' is not a fraction of the MACs in {MacsBudget.RangeText} with at most two decimals.");
        return null;
    }

    private static PruningFactor? ParseFactor(ArgumentResult result, bool aboveZero)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
        if (!PruningFactor.TryParse(text, out var factor))
        {
            result.AddError(PruningFactor.ParseProblem(text, FactorName));
            return null;
        }

        if (aboveZero && factor.IsZero)
        {
            result.AddError($"{FactorName} 0 is the full model; give a pruning factor above 0.");
            return null;
        }

        return factor;
    }

    private static List<PruningFactor> ParseFactors(ArgumentResult result)
    {
        var factors = new List<PruningFactor>();
        var bad = false;
        foreach (var item in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (PruningFactor.TryParse(item, out var factor))
            {
                factors.Add(factor);
            }
            else
            {
                result.AddError(PruningFactor.ParseProblem(item, FactorName + " value"));
                bad = true;
            }
        }

        if (factors.Count == 0 && !bad)
        {
            result.AddError($"{FactorName} needs at least one pruning factor.");
        }

        return factors;
    }
}
