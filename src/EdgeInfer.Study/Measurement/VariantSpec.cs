using System.Globalization;

namespace EdgeInfer.Study.Measurement;

/// <summary>A model variant: the full catalog model, or a pruned one (method and pruning factor).</summary>
/// <param name="Model">Catalog model name, e.g. <c>mobilenet</c>.</param>
/// <param name="Method">Pruning method (<c>global</c>, <c>layer</c>, <c>channel</c>); null for the full model.</param>
/// <param name="PruningFactor">pf in [0, 0.99]; 0 for the full model.</param>
public sealed record VariantSpec(string Model, string? Method, double PruningFactor)
{
    /// <summary>The full variant of <paramref name="model"/>.</summary>
    public static VariantSpec Full(string model) => new(model, null, 0);

    /// <summary>True for the full model.</summary>
    public bool IsFull => Method is null;

    /// <summary>The repository variant name: <c>full</c>, or <c>&lt;method&gt;-&lt;pf&gt;</c> (e.g. <c>channel-0.7</c>).</summary>
    public string Name => Method is null ? "full" : string.Create(CultureInfo.InvariantCulture, $"{Method}-{PruningFactor:0.###}");

    /// <inheritdoc />
    public override string ToString() => $"{Model}/{Name}";
}
