using System.Text.Json.Serialization;
using EdgeInfer.Core;
using EdgeInfer.Models.Repository;

namespace EdgeInfer.Pruning.Variants;

/// <summary>
/// The identity of a model variant: a model and what was done to it — nothing, or a <see cref="PruningMethod"/> at a
/// uniform <see cref="PruningFactor"/> or at a <see cref="MacsBudget"/>, optionally quantized (<see cref="Precision"/>).
/// The one type every host uses (<c>prune</c>, <c>profile</c>, the study, the edge server, the device client, the load
/// generator) to name a variant (<see cref="Name"/>), to parse a name or a request back, and to write the query string
/// of a request.
/// </summary>
/// <remarks>
/// <para>Names: <c>full</c>; <c>int8</c> (the full model quantized); <c>&lt;kind&gt;-&lt;pf&gt;</c>
/// (<c>global-0.70</c>, <c>channel-ls-0.50</c>); <c>&lt;kind&gt;-macs&lt;kept&gt;</c> (<c>channel-ls-macs0.50</c>);
/// where the kind is a method name, with <c>+int8</c> when quantized (<c>channel-ls+int8-0.50</c>). A name splits at its
/// last <c>-</c>, so method names may contain <c>-</c>. The same kind text is the <c>method</c> of a request and of the
/// CLI's <c>--method</c>.</para>
/// <para>In JSON a variant is <c>{"model": "mobilenet", "method": "global", "pruningFactor": 0.7}</c> (<c>method</c>
/// null when nothing is pruned), plus <c>"macsBudget": 0.5</c> and <c>"precision": "int8"</c> when they apply.</para>
/// </remarks>
[JsonConverter(typeof(ModelVariantJsonConverter))]
public sealed record ModelVariant
{
    /// <summary>The name of <see cref="Precision.Int8"/> in variant names and kinds.</summary>
    public const string Int8Name = "int8";

    private const string Int8Suffix = "+" + Int8Name;

    private ModelVariant(string model, PruningMethod? method, PruningFactor factor, MacsBudget? budget, Precision precision)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        Model = model;
        Method = method;
        Factor = factor;
        Budget = budget;
        Precision = precision;
    }

    /// <summary>Model name, e.g. <c>mobilenet</c>.</summary>
    public string Model { get; }

    /// <summary>Pruning method; null when nothing is pruned (the full model, or the full model quantized).</summary>
    public PruningMethod? Method { get; }

    /// <summary>Uniform pruning factor; <see cref="PruningFactor.Zero"/> when nothing is pruned or a <see cref="Budget"/> is set.</summary>
    public PruningFactor Factor { get; }

    /// <summary>The MACs budget of a structured method, instead of a uniform <see cref="Factor"/>; null otherwise.</summary>
    public MacsBudget? Budget { get; }

    /// <summary>Number format of the weights and activations.</summary>
    public Precision Precision { get; }

    /// <summary>True for the full model as built: not pruned, not quantized.</summary>
    public bool IsFull => Method is null && Precision == Precision.Float32;

    /// <summary>True when channels or weights are pruned (whatever the precision).</summary>
    public bool IsPruned => Method is not null;

    /// <summary>True when the variant is INT8-quantized.</summary>
    public bool IsQuantized => Precision == Precision.Int8;

    /// <summary>True when building the variant needs calibration images (a data-aware method, or quantization).</summary>
    public bool NeedsCalibration => IsQuantized || Method is { } method && method.NeedsCalibration();

    /// <summary>
    /// What was done, without the amount: <c>global</c>, <c>channel-ls+int8</c>, <c>int8</c>; null for the full model.
    /// The <c>method</c> of a request and of the CLI's <c>--method</c>.
    /// </summary>
    public string? Kind => (Method, Precision) switch
    {
        (null, Precision.Float32) => null,
        (null, _) => Int8Name,
        ({ } m, Precision.Float32) => m.Name(),
        ({ } m, _) => m.Name() + Int8Suffix,
    };

    /// <summary>The repository variant name: <c>full</c>, <c>int8</c>, <c>global-0.70</c>, <c>channel-ls+int8-macs0.50</c>.</summary>
    public string Name => Method is null
        ? IsQuantized ? Int8Name : ModelRepository.FullVariant
        : $"{Kind}-{(Budget is { } budget ? budget.Name : Factor.Name)}";

    /// <summary>
    /// The query string that asks the edge for this variant, without <c>?</c>: <c>pf=0.7&amp;method=global</c>,
    /// <c>macs=0.5&amp;method=channel-ls</c>, <c>method=int8</c>; empty for the full model.
    /// </summary>
    public string Query => Method is null
        ? IsQuantized ? $"method={Int8Name}" : ""
        : Budget is { } budget ? $"macs={budget}&method={Kind}" : $"pf={Factor}&method={Kind}";

    /// <summary>
    /// Every kind a request or <c>--method</c> may name: the methods, <c>int8</c>, and each method with <c>+int8</c>.
    /// </summary>
    public static IReadOnlyList<string> KindNames { get; } =
        [.. PruningMethods.Names, Int8Name, .. PruningMethods.Names.Select(n => n + Int8Suffix)];

    /// <summary>The full model <paramref name="model"/>.</summary>
    public static ModelVariant Full(string model) => new(model, null, PruningFactor.Zero, null, Precision.Float32);

    /// <summary>
    /// <paramref name="model"/> pruned with <paramref name="method"/> at <paramref name="factor"/>; pf = 0 is the full
    /// model whatever the method (nothing is pruned).
    /// </summary>
    public static ModelVariant Pruned(string model, PruningMethod method, PruningFactor factor) =>
        factor.IsZero ? Full(model) : new(model, method, factor, null, Precision.Float32);

    /// <summary><paramref name="model"/> pruned with the structured <paramref name="method"/> to <paramref name="budget"/>.</summary>
    /// <exception cref="EdgeInferInputException">The method is not structured (magnitude pruning removes no MACs).</exception>
    public static ModelVariant Budgeted(string model, PruningMethod method, MacsBudget budget) =>
        method.IsStructured()
            ? new(model, method, PruningFactor.Zero, budget, Precision.Float32)
            : throw new EdgeInferInputException(
                $"A MACs budget needs a structured method (channel, channel-ls); {method.Name()} zeroes weights and removes no MACs.");

    /// <summary>This variant with <paramref name="precision"/>: <c>channel-ls-0.50</c> → <c>channel-ls+int8-0.50</c>.</summary>
    public ModelVariant WithPrecision(Precision precision) => new(Model, Method, Factor, Budget, precision);

    /// <summary>This variant before quantization (the float model it is quantized from); itself when not quantized.</summary>
    public ModelVariant Unquantized => IsQuantized ? WithPrecision(Precision.Float32) : this;

    /// <summary>Parses a kind (<c>channel-ls+int8</c>, <c>int8</c>, <c>GLOBAL</c>), ignoring case.</summary>
    public static bool TryParseKind(string? text, out PruningMethod? method, out Precision precision)
    {
        (method, precision) = (null, Precision.Float32);
        if (string.Equals(text, Int8Name, StringComparison.OrdinalIgnoreCase))
        {
            precision = Precision.Int8;
            return true;
        }

        if (text is not null && text.EndsWith(Int8Suffix, StringComparison.OrdinalIgnoreCase))
        {
            precision = Precision.Int8;
            text = text[..^Int8Suffix.Length];
        }

        if (!PruningMethods.TryParse(text, out var parsed))
        {
            return false;
        }

        method = parsed;
        return true;
    }

    /// <summary>The message for text that is not a kind.</summary>
    public static string KindProblem(string? text, string what = "method") =>
        $"{what} '{text}' is not one of {string.Join(", ", KindNames)}.";

    /// <summary>
    /// Parses a repository variant name (<c>full</c>, <c>channel-0.50</c>, <c>int8</c>, <c>channel-ls+int8-macs0.50</c>) of
    /// <paramref name="model"/>.
    /// </summary>
    /// <returns>
    /// False for any other name: hand-made variants such as <c>imported</c>, and spellings other than the canonical one.
    /// </returns>
    public static bool TryParseName(string model, string? name, out ModelVariant variant)
    {
        variant = null!;
        if (string.Equals(name, ModelRepository.FullVariant, StringComparison.Ordinal))
        {
            variant = Full(model);
            return true;
        }

        if (string.Equals(name, Int8Name, StringComparison.Ordinal))
        {
            variant = Full(model).WithPrecision(Precision.Int8);
            return true;
        }

        if (!TrySplitName(name, out var kindText, out var amountText)
            || !TryParseKind(kindText, out var method, out var precision)
            || method is not { } m
            || !TryParseAmount(model, m, amountText, out var parsed))
        {
            return false;
        }

        // Only the canonical spelling is a name (channel-0.50, not channel-0.5 or CHANNEL-0.50): one name per variant.
        parsed = parsed.WithPrecision(precision);
        if (!string.Equals(parsed.Name, name, StringComparison.Ordinal))
        {
            return false;
        }

        variant = parsed;
        return true;
    }

    /// <summary>
    /// Reads a request for a variant: the model name (checked as a folder name), <c>pf</c> (absent, empty or 0: nothing
    /// pruned) or <c>macs</c> (a <see cref="MacsBudget"/>, structured methods only), and <c>method</c>, a kind (absent or
    /// empty: <c>global</c>; <c>int8</c> quantizes the full model; <c>channel-ls+int8</c> prunes and quantizes).
    /// </summary>
    /// <exception cref="EdgeInferInputException">A bad model name, pf, budget or method, named in the message.</exception>
    public static ModelVariant FromRequest(string model, string? pf, string? method, string? macs = null)
    {
        if (ModelNames.Problem(model, "model name") is { } problem)
        {
            throw new EdgeInferInputException(problem + ".");
        }

        PruningMethod? pruning = PruningMethod.Global;
        var precision = Precision.Float32;
        if (!string.IsNullOrEmpty(method) && !TryParseKind(method, out pruning, out precision))
        {
            throw new EdgeInferInputException(KindProblem(method));
        }

        var hasPf = !string.IsNullOrEmpty(pf);
        var hasMacs = !string.IsNullOrEmpty(macs);
        if (hasPf && hasMacs)
        {
            throw new EdgeInferInputException("Give either pf (a uniform pruning factor) or macs (a MACs budget), not both.");
        }

        if (pruning is not { } m)
        {
            return hasPf || hasMacs
                ? throw new EdgeInferInputException($"method '{method}' quantizes the full model; to prune too, name a method with +int8 (channel-ls+int8).")
                : Full(model).WithPrecision(precision);
        }

        var variant = hasMacs
            ? Budgeted(model, m, MacsBudget.Parse(macs, "macs"))
            : Pruned(model, m, hasPf ? PruningFactor.Parse(pf, "pf") : PruningFactor.Zero);
        return variant.WithPrecision(precision);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Model}/{Name}";

    /// <summary>
    /// Splits a pruned variant's name at its last <c>-</c> into the kind's and the amount's text, so a method name may
    /// itself contain <c>-</c> (<c>channel-ls-0.50</c> is method <c>channel-ls</c> at 0.50). False without a <c>-</c>
    /// that has text on both sides.
    /// </summary>
    internal static bool TrySplitName(string? name, out string method, out string factor)
    {
        var dash = name?.LastIndexOf('-') ?? -1;
        if (dash <= 0 || dash == name!.Length - 1)
        {
            (method, factor) = ("", "");
            return false;
        }

        (method, factor) = (name[..dash], name[(dash + 1)..]);
        return true;
    }

    /// <summary>The amount part of a name: a pf (<c>0.50</c>, above 0) or a budget (<c>macs0.50</c>, structured methods).</summary>
    private static bool TryParseAmount(string model, PruningMethod method, string text, out ModelVariant variant)
    {
        variant = null!;
        if (text.StartsWith(MacsBudget.NamePrefix, StringComparison.Ordinal))
        {
            if (!method.IsStructured() || !MacsBudget.TryParse(text[MacsBudget.NamePrefix.Length..], out var budget))
            {
                return false;
            }

            variant = Budgeted(model, method, budget);
            return true;
        }

        if (!PruningFactor.TryParse(text, out var factor) || factor.IsZero)
        {
            return false;
        }

        variant = Pruned(model, method, factor);
        return true;
    }
}
