using System.Collections.Concurrent;
using System.Diagnostics;
using EdgeInfer.Edge.Telemetry;

namespace EdgeInfer.Edge.Variants;

/// <summary>
/// The on-disk cache of files the edge makes on demand (pruned models, wire and COO encodings), under
/// <c>&lt;root&gt;/&lt;model&gt;/&lt;variant&gt;/&lt;file&gt;</c>, each with a checksum sidecar (<see cref="FileChecksum"/>).
/// Single-flight: concurrent requests for the same file share one build. Atomic: a build writes temporaries and renames
/// them (the main file before its companions), so a file in the cache is always complete and an encoding never outlives
/// its dense model; a crash leaves only temporaries, removed at start with orphans and empty folders.
/// Bounded, temporaries included: before a build the expected output is reserved and least recently used variants not in
/// use are evicted to make room; a variant that cannot fit (larger than the limit, or not even after evicting everything
/// evictable) is refused with a 507 and nothing of it is kept, so the files already cached keep being served.
/// In use: a variant leased by a request (<see cref="Lease"/>: being built or served) is neither evicted nor removed.
/// </summary>
public sealed partial class VariantCache
{
    /// <summary>Suffix of temporaries (removed at start).</summary>
    internal const string TempSuffix = ".tmp";

    private readonly ConcurrentDictionary<string, Lazy<Task<CachedFile>>> inflight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> lastUse = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> verified = new(StringComparer.Ordinal);
    private readonly Lock storeLock = new();
    private readonly EdgeMetrics metrics;
    private long useClock;
    private long evictions;
    private long reservedBytes;

    /// <summary>
    /// Opens (creating) the cache at <paramref name="root"/>: removes temporaries left by a crash, files whose checksum sidecar
    /// is missing or records another length, encodings whose dense model is missing, and empty folders.
    /// </summary>
    public VariantCache(string root, long limitBytes, EdgeMetrics metrics)
    {
        Root = Path.GetFullPath(root);
        LimitBytes = limitBytes;
        this.metrics = metrics;
        Directory.CreateDirectory(Root);
        StartupRemovedFiles = CleanAtStart();
    }

    /// <summary>The cache folder.</summary>
    public string Root { get; }

    /// <summary>Size bound in bytes, temporaries of builds in progress included.</summary>
    public long LimitBytes { get; }

    /// <summary>Files evicted so far.</summary>
    public long Evictions => Interlocked.Read(ref evictions);

    /// <summary>Files the start-up scan removed (temporaries, unverifiable or orphaned files).</summary>
    public int StartupRemovedFiles { get; }

    /// <summary>Raised with the full path of every file removed (evicted, corrupt, or dropped by <see cref="RemoveAsync"/>).</summary>
    public event Action<string>? FileRemoved;

    /// <summary>Where a cached file lives (whether or not it exists yet).</summary>
    public string PathOf(string model, string variant, string fileName) => Path.Combine(Root, model, variant, fileName);

    /// <summary>Total bytes of the complete files in the cache.</summary>
    public long TotalBytes() => Files().Sum(f => f.Length);

    /// <summary>True while a build of <paramref name="path"/> is in flight (a request for it joins that build).</summary>
    public bool IsBuilding(string path) => inflight.ContainsKey(path);

    /// <summary>
    /// The existing file, or null (a hit refreshes its use time). The first time a file is asked for after start its
    /// checksum is verified; a corrupt file is removed (a corrupt dense model with its encodings) and null returned, so it
    /// is built again.
    /// </summary>
    public CachedFile? TryGet(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        if (!verified.ContainsKey(path))
        {
            if (!FileChecksum.Verify(path))
            {
                CorruptFound?.Invoke(path);
                RemoveCorrupt(path);
                return null;
            }

            verified[path] = true;
        }

        Touch(path);
        metrics.CacheHit();
        return CachedFile.Of(path);
    }

    /// <summary>Raised with the path of a cached file found corrupt (then removed).</summary>
    public event Action<string>? CorruptFound;

    /// <summary>
    /// The file at <paramref name="path"/>, built by <paramref name="build"/> (which writes the path it is given) when absent.
    /// Concurrent callers for the same path wait for one build. A failed build is not cached: the next call tries again.
    /// </summary>
    public Task<CachedFile> GetOrBuildAsync(string path, Action<string> build, CancellationToken cancellationToken) =>
        GetOrBuildAsync(path, target => build(target.Output), BuildPlan.None, cancellationToken);

    /// <summary>
    /// The file at <paramref name="path"/>, built when absent: the build waits for <see cref="BuildPlan.AdmitAsync"/> (the
    /// build queue), reserves <see cref="BuildPlan.ExpectedBytes"/>, then <paramref name="build"/> writes the temporaries of
    /// its <see cref="BuildTarget"/>, committed only when it returns. Concurrent callers for the same path share one build;
    /// a failed build leaves nothing and is not cached.
    /// </summary>
    /// <exception cref="Api.EdgeProblemException">507 when the variant cannot fit, or the disk is full.</exception>
    public async Task<CachedFile> GetOrBuildAsync(string path, Action<BuildTarget> build, BuildPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (TryGet(path) is { } hit)
        {
            return hit;
        }

        var lazy = inflight.GetOrAdd(path, p => new Lazy<Task<CachedFile>>(() => Task.Run(() => BuildAsync(p, build, plan), CancellationToken.None)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompleted)
            {
                inflight.TryRemove(new KeyValuePair<string, Lazy<Task<CachedFile>>>(path, lazy));
            }
        }
    }

    private async Task<CachedFile> BuildAsync(string path, Action<BuildTarget> build, BuildPlan plan)
    {
        try
        {
            if (File.Exists(path) && FileChecksum.Verify(path))
            {
                Touch(path);
                return CachedFile.Of(path);
            }

            using var slot = plan.AdmitAsync is null ? null : await plan.AdmitAsync(CancellationToken.None).ConfigureAwait(false);
            var directory = Path.GetDirectoryName(path)!;
            Reserve(directory, plan.ExpectedBytes);
            var start = Stopwatch.GetTimestamp();
            try
            {
                Directory.CreateDirectory(directory);
                Write(new BuildTarget(path), build);
            }
            finally
            {
                Interlocked.Add(ref reservedBytes, -plan.ExpectedBytes);
            }

            var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            Touch(path);
            var built = VariantBytes(directory);
            if (built > LimitBytes)
            {
                lock (storeLock)
                {
                    RemoveVariantFiles(directory, evicted: false);
                }

                throw StorageProblems.Full(
                    $"{Describe(directory)} takes {built} B, more than this edge's cache holds ({LimitBytes} B); it is not kept.");
            }

            Evict(keepDirectory: directory);
            return CachedFile.Of(path, created: true, buildSeconds: seconds);
        }
        finally
        {
            // Not before: a caller who arrives while the build ends must find the file or the build, never neither.
            inflight.TryRemove(path, out _);
        }
    }

    /// <summary>Runs the build into temporaries, then commits each file with its sidecar (main file first); leaves nothing on failure.</summary>
    private void Write(BuildTarget target, Action<BuildTarget> build)
    {
        try
        {
            build(target);
            foreach (var (temporary, final) in target.Files)
            {
                if (!File.Exists(temporary))
                {
                    continue;
                }

                var sidecarTemporary = BuildTarget.Temporary(FileChecksum.SidecarOf(final));
                try
                {
                    File.WriteAllText(sidecarTemporary, FileChecksum.Compute(temporary));
                    File.Move(sidecarTemporary, FileChecksum.SidecarOf(final), overwrite: true);
                }
                finally
                {
                    DeleteQuietly(sidecarTemporary);
                }

                File.Move(temporary, final, overwrite: true);
                verified[final] = true;
                Touch(final);
            }
        }
        catch (IOException ex) when (StorageProblems.IsDiskFull(ex))
        {
            throw StorageProblems.Full($"The disk of this edge's cache is full; {Describe(Path.GetDirectoryName(target.Path)!)} could not be built.");
        }
        finally
        {
            foreach (var (temporary, final) in target.Files)
            {
                DeleteQuietly(temporary);
                if (!File.Exists(final))
                {
                    DeleteQuietly(FileChecksum.SidecarOf(final));
                }
            }
        }
    }

    private void Touch(string path) => lastUse[Path.GetDirectoryName(path)!] = Interlocked.Increment(ref useClock);

    private string Describe(string directory) => Path.GetRelativePath(Root, directory).Replace('\\', '/');

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
