using System.Collections.Concurrent;
using EdgeInfer.Edge.Api;
using EdgeInfer.Edge.Telemetry;
using EdgeInfer.Models.Repository;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Edge.Variants;

/// <summary>
/// Finds the file for (variant, format), for any variant kind (pruned at a pf or to a MACs budget, quantized, or both):
/// the repository's full or pre-made variant, else the cache, else builds it on demand (the paper's on-demand case) into
/// the cache and keeps it. Wire and COO encodings are made from the dense variant on first request and cached the same
/// way; both keep integer (INT8/INT32) tensors as they are, so quantized variants download in every format.
/// </summary>
public sealed class VariantStore(ModelRepository repository, VariantCache cache, IModelPruner pruner, EdgeMetrics metrics)
{
    private readonly ConcurrentDictionary<(string Model, string Variant), (ModelEntry Entry, (DateTime, DateTime) Stamp)> entries = new();

    /// <summary>File name of a cached wire encoding.</summary>
    public const string WireFileName = "model.eiw";

    /// <summary>The repository served.</summary>
    public ModelRepository Repository => repository;

    /// <summary>The on-demand cache.</summary>
    public VariantCache Cache => cache;

    /// <summary>The repository's full model, or a 404 naming the models there are.</summary>
    /// <exception cref="EdgeProblemException">404 when the model is unknown.</exception>
    public ModelEntry FullModel(string name)
    {
        if (Entry(name, ModelRepository.FullVariant) is { } entry)
        {
            return entry;
        }

        var names = string.Join(", ", repository.List().Select(e => e.Name).Distinct());
        throw EdgeProblemException.NotFound($"Model '{name}' is not in the repository; it has: {(names.Length > 0 ? names : "no models")}.");
    }

    /// <summary>
    /// A repository variant, read once and kept while its files' write times stay the same (two <c>stat</c>s per request
    /// instead of reading and parsing <c>metadata.json</c> twice per inference); null when it is not in the repository.
    /// </summary>
    private ModelEntry? Entry(string name, string variant)
    {
        var modelPath = repository.ModelPath(name, variant); // validates both names
        var metadataPath = Path.Combine(Path.GetDirectoryName(modelPath)!, ModelRepository.MetadataFileName);
        var stamp = (File.GetLastWriteTimeUtc(modelPath), File.GetLastWriteTimeUtc(metadataPath));
        if (entries.TryGetValue((name, variant), out var known) && known.Stamp == stamp)
        {
            return known.Entry;
        }

        var entry = repository.TryGet(name, variant);
        if (entry is null)
        {
            entries.TryRemove((name, variant), out _);
            return null;
        }

        entries[(name, variant)] = (entry, stamp);
        return entry;
    }

    /// <summary>Resolves a variant in a format, pruning and encoding on demand.</summary>
    /// <remarks>
    /// A pruned variant is pre-pruned when the repository holds it under <see cref="ModelVariant.Name"/>, the name
    /// every host that adds variants gives it (<see cref="Compression.Building.VariantBuilder.AddToRepository"/>).
    /// </remarks>
    public async Task<ResolvedModel> ResolveAsync(ModelVariant variant, ModelFormat format, CancellationToken cancellationToken)
    {
        var full = FullModel(variant.Model);
        CachedFile dense;
        VariantOrigin origin;
        if (variant.IsFull)
        {
            (dense, origin) = (CachedFile.Of(full.ModelPath), VariantOrigin.Repository);
        }
        else if (Entry(variant.Model, variant.Name) is { } prepruned)
        {
            (dense, origin) = (CachedFile.Of(prepruned.ModelPath), VariantOrigin.Prepruned);
        }
        else
        {
            // The wire form is what a device downloads, so on-demand pruning makes it in the same pass (one parse, and
            // T_pr is the same for edge-ondemand and device-ondemand, as the cost model has it).
            var path = cache.PathOf(variant.Model, variant.Name, ModelRepository.ModelFileName);
            var wire = cache.PathOf(variant.Model, variant.Name, WireFileName);
            dense = await cache.GetOrBuildAsync(path, output =>
            {
                var start = System.Diagnostics.Stopwatch.GetTimestamp();
                pruner.Prune(full.ModelPath, output, variant, wire);
                var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalSeconds;
                metrics.Pruned(variant.Model, seconds, variant.NeedsCalibration ? variant.Name : null);
            }, cancellationToken).ConfigureAwait(false);
            origin = dense.Created ? VariantOrigin.Pruned : VariantOrigin.Cached;
        }

        var prune = origin == VariantOrigin.Pruned ? dense.BuildSeconds : 0;
        if (format == ModelFormat.Onnx)
        {
            return new ResolvedModel(variant, full, dense, dense, origin, prune, 0);
        }

        var (fileName, encode) = format == ModelFormat.Wire
            ? (WireFileName, (Action<string, string>)pruner.EncodeWire)
            : ("model.sparse.onnx", pruner.EncodeSparseOnnx);
        var encoded = await cache.GetOrBuildAsync(cache.PathOf(variant.Model, variant.Name, fileName), output => encode(dense.Path, output), cancellationToken)
            .ConfigureAwait(false);
        return new ResolvedModel(variant, full, dense, encoded, origin, prune, encoded.BuildSeconds);
    }
}
