using System.Text.Json.Serialization;
using EdgeInfer.Core;
using EdgeInfer.Models.Repository;

namespace EdgeInfer.Pruning.Variants;

/// <summary>
/// The identity of a model variant: a model and what was done to it (nothing, or a <see cref="PruningMethod"/> at a
/// <see cref="PruningFactor"/>). The one type every host uses (<c>prune</c>, <c>profile</c>, the study, the edge server,
/// the device client, the load generator) to name a variant (<see cref="Name"/>: <c>full</c>, <c>global-0.70</c>), to
/// parse a name or a request back, and to write the query string of a request.
/// </summary>
/// <remarks>
/// A new kind of variant (a data-aware channel method, INT8 quantization, a MACs budget instead of one pf) is a new
/// member of <see cref="PruningMethod"/> or a new property here, with its segment in <see cref="Name"/>, parsed back in
/// <see cref="TryParseName"/> and written by <see cref="Query"/>: no host formats or parses variant names itself.
/// Method names may contain <c>-</c>: a name splits at its last <c>-</c>. In JSON a variant is
/// <c>{"model": "mobilenet", "method": "global", "pruningFactor": 0.7}</c> (<c>method</c> null for the full model).
/// </remarks>
[JsonConverter(typeof(ModelVariantJsonConverter))]
public sealed record ModelVariant
{
    private ModelVariant(string model, PruningMethod? method, PruningFactor factor)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        Model = model;
        Method = method;
        Factor = factor;
    }

    /// <summary>Model name, e.g. <c>mobilenet</c>.</summary>
    public string Model { get; }

    /// <summary>Pruning method; null for the full model.</summary>
    public PruningMethod? Method { get; }

    /// <summary>Pruning factor; <see cref="PruningFactor.Zero"/> for the full model.</summary>
    public PruningFactor Factor { get; }

    /// <summary>True for the full (unpruned) model.</summary>
    public bool IsFull => Method is null;

    /// <summary>The repository variant name: <c>full</c>, or <c>&lt;method&gt;-&lt;pf to two decimals&gt;</c> (<c>global-0.70</c>).</summary>
    public string Name => Method is { } method ? $"{method.Name()}-{Factor.Name}" : ModelRepository.FullVariant;

    /// <summary>
    /// The query string that asks the edge for this variant, without <c>?</c>: <c>pf=0.7&amp;method=global</c>; empty
    /// for the full model.
    /// </summary>
    public string Query => Method is { } method ? $"pf={Factor}&method={method.Name()}" : "";

    /// <summary>The full model <paramref name="model"/>.</summary>
    public static ModelVariant Full(string model) => new(model, null, PruningFactor.Zero);

    /// <summary>
    /// <paramref name="model"/> pruned with <paramref name="method"/> at <paramref name="factor"/>; pf = 0 is the full
    /// model whatever the method (nothing is pruned).
    /// </summary>
    public static ModelVariant Pruned(string model, PruningMethod method, PruningFactor factor) =>
        factor.IsZero ? Full(model) : new(model, method, factor);

    /// <summary>Parses a repository variant name (<c>full</c>, <c>channel-0.50</c>) of <paramref name="model"/>.</summary>
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

        if (!TrySplitName(name, out var methodText, out var factorText)
            || !PruningMethods.TryParse(methodText, out var method)
            || !PruningFactor.TryParse(factorText, out var factor)
            || factor.IsZero)
        {
            return false;
        }

        // Only the canonical spelling is a name (channel-0.50, not channel-0.5 or CHANNEL-0.50): one name per variant.
        var parsed = new ModelVariant(model, method, factor);
        if (!string.Equals(parsed.Name, name, StringComparison.Ordinal))
        {
            return false;
        }

        variant = parsed;
        return true;
    }

    /// <summary>
    /// Reads a request for a variant: the model name (checked as a folder name), <c>pf</c> (absent, empty or 0: the full
    /// model) and <c>method</c> (absent or empty: <c>global</c>).
    /// </summary>
    /// <exception cref="EdgeInferInputException">A bad model name, pf or method, named in the message.</exception>
    public static ModelVariant FromRequest(string model, string? pf, string? method)
    {
        if (ModelNames.Problem(model, "model name") is { } problem)
        {
            throw new EdgeInferInputException(problem + ".");
        }

        var factor = string.IsNullOrEmpty(pf) ? PruningFactor.Zero : PruningFactor.Parse(pf, "pf");
        var pruning = string.IsNullOrEmpty(method) ? PruningMethod.Global : PruningMethods.Parse(method, "method");
        return Pruned(model, pruning, factor);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Model}/{Name}";

    /// <summary>
    /// Splits a pruned variant's name at its last <c>-</c> into the method's and the factor's text, so a method name may
    /// itself contain <c>-</c> (<c>channel-data-0.50</c> is method <c>channel-data</c> at 0.50). False without a <c>-</c>
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
}
