using System.Collections.Concurrent;
using EdgeInfer.Edge.Api;
using EdgeInfer.Edge.Telemetry;
using EdgeInfer.Models.Repository;
using EdgeInfer.Pruning.Variants;
using Microsoft.Extensions.Logging;

namespace EdgeInfer.Edge.Variants;

/// <summary>
/// Finds the file for (variant, format), for any variant kind (pruned at a pf or to a MACs budget, quantized, or both):
/// the repository's full or pre-made variant, else the cache, else builds it on demand (the paper's on-demand case) into
/// the cache and keeps it. Wire and COO encodings are made from the dense variant on first request and cached the same
/// way; both keep integer (INT8/INT32) tensors as they are, so quantized variants download in every format.
/// </summary>
/// <param name="repository">The repository served.</param>
/// <param name="cache">The on-demand cache.</param>
/// <param name="pruner">Pruner and encoder.</param>
/// <param name="metrics">Metrics.</param>
/// <param name="builds">Admission of on-demand builds; null: the default <see cref="Hosting.EdgeBuildLimits"/>, nobody charged.</param>
public sealed class VariantStore(ModelRepository repository, VariantCache cache, IModelPruner pruner, EdgeMetrics metrics, OnDemandBuilds? builds = null)
{
    private readonly OnDemandBuilds builds = builds ?? new OnDemandBuilds(new Hosting.EdgeBuildLimits());

    private readonly ConcurrentDictionary<(string Model, string Variant), (ModelEntry Entry, (DateTime, DateTime) Stamp)> entries = new();

    /// <summary>File name of a cached wire encoding.</summary>
    public const string WireFileName = "model.eiw";

    /// <summary>File name of a cached COO encoding.</summary>
    public const string SparseOnnxFileName = "model.sparse.onnx";

    /// <summary>The admission of on-demand builds.</summary>
    public OnDemandBuilds Builds => builds;

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

        var length = new FileInfo(entry.ModelPath).Length;
        if (length != entry.Metadata.SizeBytes)
        {
            entries.TryRemove((name, variant), out _);
            throw CorruptFile(entry.ModelPath, $"it holds {length} B, its metadata.json says {entry.Metadata.SizeBytes} B (truncated or replaced)");
        }

        entries[(name, variant)] = (entry, stamp);
        return entry;
    }

    /// <summary>Resolves a variant in a format, pruning and encoding on demand.</summary>
    /// <remarks>
    /// <para>A pruned variant is pre-pruned when the repository holds it under <see cref="ModelVariant.Name"/>, the name
    /// every host that adds variants gives it (<see cref="Compression.Building.VariantBuilder.AddToRepository"/>).</para>
    /// <para>The variant's cache entry is leased (<see cref="VariantCache.Lease"/>) until the request's response ends (or,
    /// without a request, until this returns), so it is neither evicted nor deleted while it is built or served.</para>
    /// <para>A build is admitted by <see cref="OnDemandBuilds"/>: a pf or budget off the grid is a 400, a client over its
    /// budget a 429, a full queue a 503, a variant the cache cannot hold a 507.</para>
    /// </remarks>
    public async Task<ResolvedModel> ResolveAsync(ModelVariant variant, ModelFormat format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(variant);
        var full = FullModel(variant.Model);
        var lease = cache.Lease(variant.Model, variant.Name);
        try
        {
            var resolved = await ResolveLeasedAsync(variant, format, full, cancellationToken).ConfigureAwait(false);
            if (builds.Context is { } context)
            {
                context.Response.RegisterForDispose(lease);
                lease = null;
            }

            return resolved;
        }
        finally
        {
            lease?.Dispose();
        }
    }

    private async Task<ResolvedModel> ResolveLeasedAsync(ModelVariant variant, ModelFormat format, ModelEntry full, CancellationToken cancellationToken)
    {
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
            dense = cache.TryGet(path) ?? await BuildAsync(path, full.ModelPath, OutputEstimate(variant, full), target =>
            {
                var start = System.Diagnostics.Stopwatch.GetTimestamp();
                pruner.Prune(full.ModelPath, target.Output, variant, target.Companion(wire));
                var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalSeconds;
                metrics.Pruned(variant.Model, seconds, variant.NeedsCalibration ? variant.Name : null);
            }, variant, cancellationToken).ConfigureAwait(false);
            origin = dense.Created ? VariantOrigin.Pruned : VariantOrigin.Cached;
        }

        var prune = origin == VariantOrigin.Pruned ? dense.BuildSeconds : 0;
        if (format == ModelFormat.Onnx)
        {
            return new ResolvedModel(variant, full, dense, dense, origin, prune, 0);
        }

        var (fileName, encode, factor) = format == ModelFormat.Wire
            ? (WireFileName, (Action<string, string>)pruner.EncodeWire, 1.1)
            : (SparseOnnxFileName, pruner.EncodeSparseOnnx, 3.0);
        var encodedPath = cache.PathOf(variant.Model, variant.Name, fileName);
        var source = dense;
        var encoded = cache.TryGet(encodedPath)
            ?? await BuildAsync(encodedPath, source.Path, (long)(factor * source.Length), t => encode(source.Path, t.Output), null, cancellationToken)
                .ConfigureAwait(false);
        return new ResolvedModel(variant, full, dense, encoded, origin, prune, encoded.BuildSeconds);
    }

    /// <summary>
    /// Builds a cache file through the admission: the grid (for a prune), the client's budget (only when no build of the
    /// same file is in flight to join), then the queue with the memory estimate, then the cache's reservation.
    /// </summary>
    private async Task<CachedFile> BuildAsync(
        string path, string source, long expectedBytes, Action<BuildTarget> build, ModelVariant? pruned, CancellationToken cancellationToken)
    {
        if (pruned is not null)
        {
            builds.CheckGrid(pruned);
        }

        string? client;
        try
        {
            client = cache.IsBuilding(path) ? null : builds.Charge();
        }
        catch (EdgeProblemException budget)
        {
            metrics.Rejected(RejectionReasons.BuildBudget, budget.Status);
            throw;
        }

        var memory = BuildScheduler.EstimateMemoryBytes(new FileInfo(source).Length);
        var plan = new BuildPlan(expectedBytes, ct => builds.Queue.EnterAsync(memory, ct));
        try
        {
            return await cache.GetOrBuildAsync(path, build, plan, cancellationToken).ConfigureAwait(false);
        }
        catch (EdgeProblemException refused) when (refused.Status is 503 or StorageProblems.InsufficientStorage)
        {
            builds.Refund(client);
            metrics.Rejected(refused.Status == 503 ? RejectionReasons.BuildQueueFull : RejectionReasons.StoreFull, refused.Status);
            throw;
        }
    }

    /// <summary>Upper estimate of a prune's files: the dense model (at most the full size) and its wire form.</summary>
    private static long OutputEstimate(ModelVariant variant, ModelEntry full)
    {
        var size = new FileInfo(full.ModelPath).Length;
        var wire = variant.IsPruned && variant.Budget is null && !variant.IsQuantized ? 1.1 - variant.Factor.Value : 1.1;
        return (long)(size * (1 + wire));
    }

    /// <summary>A 500 "Corrupt model file" naming the file (relative to the repository), logged.</summary>
    internal EdgeProblemException CorruptFile(string path, string why)
    {
        var relative = Path.GetRelativePath(repository.Root, path).Replace('\\', '/');
        var detail = $"The model file {relative} is corrupt: {why}. It is not served; the other models are.";
        if (builds.Context?.RequestServices.GetService(typeof(ILogger<VariantStore>)) is ILogger<VariantStore> logger)
        {
            StoreLog.CorruptFile(logger, relative, why);
        }

        return new EdgeProblemException(500, "Corrupt model file", detail);
    }
}
