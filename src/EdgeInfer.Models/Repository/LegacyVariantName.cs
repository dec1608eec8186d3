namespace EdgeInfer.Models.Repository;

/// <summary>
/// Names the variant of an accuracy point in the older <c>accuracy.json</c> format, which keyed points by pruning
/// method and pruning factor instead of by variant name; null when the pair names no variant (an unknown method).
/// Models cannot name variants itself (<c>Pruning.Variants.ModelVariant</c> owns names): the caller gives the naming,
/// and <c>Pruning.Pipeline.RecordedAccuracy</c> is the one that does.
/// </summary>
/// <param name="method">The old point's method, e.g. <c>channel</c>.</param>
/// <param name="pruningFactor">The old point's pruning factor, in [0, 0.99]; 0 is the full model.</param>
public delegate string? LegacyVariantName(string method, double pruningFactor);
