using EdgeInfer.Models.Repository;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Pruning.Pipeline;

/// <summary>
/// How pruned variants are stored in the model repository. Every host that adds one (<c>prune</c>, <c>profile</c>, the
/// study) goes through <see cref="AddToRepository"/>, so the edge server finds it as pre-pruned under the name
/// <see cref="ModelVariant.Name"/> gives it.
/// </summary>
public static class PrunedVariants
{
    /// <summary>
    /// Adds the pruned model file <paramref name="prunedFile"/> as <paramref name="variant"/> (named by
    /// <see cref="ModelVariant.Name"/>) of <paramref name="full"/>'s model, inheriting its provenance (trained flag,
    /// architecture, seed) and recording pf and method. The repository writes atomically; the source file is left as it is.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="variant"/> is the full model, or of another model than <paramref name="full"/>.</exception>
    public static ModelEntry AddToRepository(ModelRepository repository, ModelEntry full, string prunedFile, ModelVariant variant)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(full);
        ArgumentException.ThrowIfNullOrEmpty(prunedFile);
        ArgumentNullException.ThrowIfNull(variant);
        if (variant.Method is not { } method || !string.Equals(variant.Model, full.Name, StringComparison.Ordinal))
        {
            throw new ArgumentException($"{variant} is not a pruned variant of {full.Name}.", nameof(variant));
        }

        return repository.Add(
            new ModelAddRequest
            {
                Name = full.Name,
                Variant = variant.Name,
                Trained = full.Metadata.Trained,
                Source = $"{full.Name}/{full.Variant}",
                Architecture = full.Metadata.Architecture,
                Seed = full.Metadata.Seed,
                PruningFactor = variant.Factor.Value,
                PruningMethod = method.Name(),
            },
            stream =>
            {
                using var source = new FileStream(prunedFile, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
                source.CopyTo(stream, 1 << 20);
            });
    }
}
