using EdgeInfer.Models.Repository;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Pruning.Pipeline;

/// <summary>
/// How built variants (pruned, quantized, or both) are stored in the model repository. Every host that adds one goes
/// through <c>EdgeInfer.Compression.Building.VariantBuilder.AddToRepository</c>, which builds the file and calls
/// <see cref="AddToRepository"/>, so the edge server finds it as pre-made under the name <see cref="ModelVariant.Name"/>
/// gives it.
/// </summary>
public static class PrunedVariants
{
    /// <summary>
    /// Adds the built model file <paramref name="builtFile"/> as <paramref name="variant"/> (named by
    /// <see cref="ModelVariant.Name"/>) of <paramref name="full"/>'s model, inheriting its provenance (trained flag,
    /// architecture, seed) and recording what was done: pf and method, the MACs budget, the precision. The repository
    /// writes atomically; the source file is left as it is.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="variant"/> is the full model, or of another model than <paramref name="full"/>.</exception>
    public static ModelEntry AddToRepository(ModelRepository repository, ModelEntry full, string builtFile, ModelVariant variant)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(full);
        ArgumentException.ThrowIfNullOrEmpty(builtFile);
        ArgumentNullException.ThrowIfNull(variant);
        if (variant.IsFull || !string.Equals(variant.Model, full.Name, StringComparison.Ordinal))
        {
            throw new ArgumentException($"{variant} is not a pruned or quantized variant of {full.Name}.", nameof(variant));
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
                PruningFactor = variant.Method is null ? null : variant.Factor.Value,
                PruningMethod = variant.Method?.Name(),
                MacsBudget = variant.Budget?.KeptFraction,
                Precision = variant.IsQuantized ? ModelVariant.Int8Name : null,
            },
            stream =>
            {
                using var source = new FileStream(builtFile, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
                source.CopyTo(stream, 1 << 20);
            });
    }
}
