using EdgeInfer.Core;
using EdgeInfer.Models.Repository;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Pruning.Pipeline;

/// <summary>
/// How pruned variants are named and stored in the model repository: one rule for every host
/// (<c>prune</c>, <c>profile</c>, the study, the edge server, the device client).
/// </summary>
public static class PrunedVariants
{
    /// <summary>The method's lower-case name, as in variant names, metadata and profiles (<c>global</c>, <c>layer</c>, <c>channel</c>).</summary>
    public static string MethodName(PruningMethod method) => method.ToString().ToLowerInvariant();

    /// <summary>
    /// Parses a method name (<c>global</c>, <c>layer</c>, <c>channel</c>; any case). Anything else is rejected with
    /// "<paramref name="what"/> '<paramref name="method"/>' is not one of global, layer, channel."
    /// </summary>
    /// <exception cref="EdgeInferInputException">The name is not a pruning method.</exception>
    public static PruningMethod ParseMethod(string? method, string what = "Pruning method") => method?.ToLowerInvariant() switch
    {
        "global" => PruningMethod.Global,
        "layer" => PruningMethod.Layer,
        "channel" => PruningMethod.Channel,
        _ => throw new EdgeInferInputException($"{what} '{method}' is not one of global, layer, channel."),
    };

    /// <summary>Variant name of a pruned model: method and pf with two decimals, e.g. <c>global-0.70</c>.</summary>
    public static string Name(PruningMethod method, double pruningFactor) => Name(MethodName(method), pruningFactor);

    /// <summary>Variant name from a method name (any case) and pf with two decimals, e.g. <c>channel-0.50</c>.</summary>
    public static string Name(string method, double pruningFactor) =>
        FormattableString.Invariant($"{method.ToLowerInvariant()}-{pruningFactor:0.00}");

    /// <summary>
    /// Adds the pruned model file <paramref name="prunedFile"/> as the variant <see cref="Name(PruningMethod, double)"/>
    /// of <paramref name="full"/>'s model, inheriting its provenance (trained flag, architecture, seed) and recording pf and
    /// method. The repository writes atomically; the source file is left as it is.
    /// </summary>
    public static ModelEntry AddToRepository(ModelRepository repository, ModelEntry full, string prunedFile, double pruningFactor, PruningMethod method)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(full);
        return repository.Add(
            new ModelAddRequest
            {
                Name = full.Name,
                Variant = Name(method, pruningFactor),
                Trained = full.Metadata.Trained,
                Source = $"{full.Name}/{full.Variant}",
                Architecture = full.Metadata.Architecture,
                Seed = full.Metadata.Seed,
                PruningFactor = pruningFactor,
                PruningMethod = MethodName(method),
            },
            stream =>
            {
                using var source = new FileStream(prunedFile, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
                source.CopyTo(stream, 1 << 20);
            });
    }
}
