using System.Globalization;
using EdgeInfer.Edge.Api;
using EdgeInfer.Models.Repository;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Runtime.Profiles;

namespace EdgeInfer.Edge.Variants;

/// <summary>
/// A model variant a request asks for: the model, and a pruning factor and method (pf = 0: the full model).
/// Pruned variants are named as profiles and <c>prune</c> name them (<c>global-0.70</c>), so a variant pruned by <c>edgeinfer prune</c>
/// or <c>profile</c> into the repository is found as pre-pruned.
/// </summary>
public sealed record VariantSpec(string Model, double PruningFactor, PruningMethod Method)
{
    /// <summary>Largest accepted pf.</summary>
    public const double MaxPruningFactor = 0.99;

    /// <summary>The query names of the methods.</summary>
    public static IReadOnlyList<string> MethodNames { get; } = ["global", "layer", "channel"];

    /// <summary>The query names of the formats.</summary>
    public static IReadOnlyList<string> FormatNames { get; } = ["onnx", "wire", "sparse-onnx"];

    /// <summary>True for pf = 0.</summary>
    public bool IsFull => PruningFactor == 0;

    /// <summary>The variant's name: <c>full</c>, or <c>&lt;method&gt;-&lt;pf to two decimals&gt;</c>.</summary>
    public string Variant => IsFull ? ModelRepository.FullVariant : ProfiledModel.PrunedVariant(MethodName, PruningFactor);

    /// <summary>The method's query name.</summary>
    public string MethodName => MethodNames[(int)Method];

    /// <summary>
    /// Validates the route and query values of a request: the name (no separators, no <c>..</c>), pf in [0, 0.99],
    /// a known method. Each problem is a 400 naming the bad value.
    /// </summary>
    /// <exception cref="EdgeProblemException">400 for a bad name, pf or method.</exception>
    public static VariantSpec Parse(string name, string? pf, string? method)
    {
        if (ModelNames.Problem(name, "model name") is { } problem)
        {
            throw EdgeProblemException.BadRequest(problem + ".");
        }

        var factor = 0.0;
        if (!string.IsNullOrEmpty(pf) &&
            (!double.TryParse(pf, NumberStyles.Float, CultureInfo.InvariantCulture, out factor) || !double.IsFinite(factor) || factor < 0 || factor > MaxPruningFactor))
        {
            throw EdgeProblemException.BadRequest($"pf '{pf}' is not a number in [0, {MaxPruningFactor.ToString(CultureInfo.InvariantCulture)}].");
        }

        var methodIndex = 0;
        if (!string.IsNullOrEmpty(method))
        {
            methodIndex = IndexOf(MethodNames, method);
            if (methodIndex < 0)
            {
                throw EdgeProblemException.BadRequest($"method '{method}' is not one of {string.Join(", ", MethodNames)}.");
            }
        }

        // Variants are named with pf to two decimals (global-0.70), so pf is taken at that resolution.
        return new VariantSpec(name, Math.Round(factor, 2), (PruningMethod)methodIndex);
    }

    /// <summary>Parses <c>format=</c>; null or empty is <see cref="ModelFormat.Onnx"/>.</summary>
    /// <exception cref="EdgeProblemException">400 for an unknown format.</exception>
    public static ModelFormat ParseFormat(string? format)
    {
        if (string.IsNullOrEmpty(format))
        {
            return ModelFormat.Onnx;
        }

        var index = IndexOf(FormatNames, format);
        return index >= 0 ? (ModelFormat)index : throw EdgeProblemException.BadRequest($"format '{format}' is not one of {string.Join(", ", FormatNames)}.");
    }

    private static int IndexOf(IReadOnlyList<string> names, string value)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], value, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
