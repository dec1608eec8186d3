using System.Globalization;

namespace EdgeInfer.Device.Http;

/// <summary>A pruned variant as the edge's query string names it (pf in (0, 0.99]); the full model has no query (a null <see cref="VariantQuery"/>).</summary>
public sealed record VariantQuery(double PruningFactor, string Method)
{
    /// <summary>The variant name the edge uses (<c>global-0.70</c>).</summary>
    public string Variant => Runtime.Profiles.ProfiledModel.PrunedVariant(Method, PruningFactor);

    /// <summary><c>pf=…&amp;method=…</c>.</summary>
    public string Query => "pf=" + PruningFactor.ToString("0.###", CultureInfo.InvariantCulture) + "&method=" + Uri.EscapeDataString(Method);
}
