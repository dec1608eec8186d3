using EdgeInfer.Models.Repository;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Edge.Variants;

/// <summary>Where a requested variant's file came from.</summary>
public enum VariantOrigin
{
    /// <summary>The full model in the repository.</summary>
    Repository,

    /// <summary>A pruned variant already in the repository (pre-pruned).</summary>
    Prepruned,

    /// <summary>A variant the edge pruned earlier and kept in its cache.</summary>
    Cached,

    /// <summary>Pruned on demand for this request (or a concurrent one it waited for).</summary>
    Pruned,
}

/// <summary>A resolved variant: the dense model, the file to serve in the asked format, and what it cost.</summary>
/// <param name="Variant">The variant asked for.</param>
/// <param name="Full">The repository's full model (its metadata: input spec, parameters).</param>
/// <param name="Dense">The dense ONNX file of the variant (what inference runs).</param>
/// <param name="File">The file in the asked format.</param>
/// <param name="Origin">Where the dense file came from.</param>
/// <param name="PruneSeconds">Time spent pruning in this request (0 unless <see cref="VariantOrigin.Pruned"/>).</param>
/// <param name="EncodeSeconds">Time spent encoding the asked format in this request.</param>
public sealed record ResolvedModel(
    ModelVariant Variant, ModelEntry Full, CachedFile Dense, CachedFile File, VariantOrigin Origin, double PruneSeconds, double EncodeSeconds);
