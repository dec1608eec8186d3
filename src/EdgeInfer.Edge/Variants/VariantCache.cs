using System.Collections.Concurrent;
using System.Diagnostics;
using EdgeInfer.Edge.Telemetry;

namespace EdgeInfer.Edge.Variants;

/// <summary>
/// The on-disk cache of files the edge makes on demand (pruned models, wire and COO encodings), under
/// <c>&lt;root&gt;/&lt;model&gt;/&lt;variant&gt;/&lt;file&gt;</c>.
/// Single-flight: concurrent requests for the same file share one build. Atomic: a build writes a temporary file and
/// renames it, so a file in the cache is always complete (a crash leaves only temporaries, removed at start).
/// Bounded: after each build, least recently used files are evicted until the total is within the limit
/// (the variant just built is kept even if it alone exceeds the limit).
/// </summary>
public sealed class VariantCache
{
    private const string TempSuffix = ".tmp";
    private readonly ConcurrentDictionary<string, Lazy<Task<CachedFile>>> inflight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> lastUse = new(StringComparer.Ordinal);
    private readonly Lock evictionLock = new();
    private readonly EdgeMetrics metrics;
    private long useClock;

    /// <summary>Opens (creating) the cache at <paramref name="root"/>, removing temporaries left by a crash.</summary>
    public VariantCache(string root, long limitBytes, EdgeMetrics metrics)
    {
        Root = Path.GetFullPath(root);
        LimitBytes = limitBytes;
        this.metrics = metrics;
        Directory.CreateDirectory(Root);
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            if (file.EndsWith(TempSuffix, StringComparison.Ordinal))
            {
                File.Delete(file);
            }
            else
            {
                lastUse[file] = 0;
            }
        }
    }

    /// <summary>The cache folder.</summary>
    public string Root { get; }

    /// <summary>Size bound in bytes.</summary>
    public long LimitBytes { get; }

    /// <summary>Files evicted so far.</summary>
    public long Evictions => Interlocked.Read(ref evictions);

    /// <summary>Raised with the full path of every file removed (evicted, or dropped by <see cref="Remove"/>).</summary>
    public event Action<string>? FileRemoved;

    private long evictions;

    /// <summary>Where a cached file lives (whether or not it exists yet).</summary>
    public string PathOf(string model, string variant, string fileName) => Path.Combine(Root, model, variant, fileName);

    /// <summary>Total bytes of the complete files in the cache.</summary>
    public long TotalBytes() => Files().Sum(f => f.Length);

    /// <summary>The existing file, or null (a hit refreshes its use time).</summary>
    public CachedFile? TryGet(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        Touch(path);
        metrics.CacheHit();
        return CachedFile.Of(path);
    }

    /// <summary>
    /// The file at <paramref name="path"/>, built by <paramref name="build"/> (which writes the path it is given) when absent.
    /// Concurrent callers for the same path wait for one build. A failed build is not cached: the next call tries again.
    /// </summary>
    public async Task<CachedFile> GetOrBuildAsync(string path, Action<string> build, CancellationToken cancellationToken)
    {
        if (TryGet(path) is { } hit)
        {
            return hit;
        }

        var lazy = inflight.GetOrAdd(path, p => new Lazy<Task<CachedFile>>(() => Task.Run(() => Build(p, build), CancellationToken.None)));
        try
        {
            var result = await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);

            // Only the request that started the build reports it as created; the others share a finished file.
            return result;
        }
        finally
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompleted)
            {
                inflight.TryRemove(new KeyValuePair<string, Lazy<Task<CachedFile>>>(path, lazy));
            }
        }
    }

    /// <summary>
    /// Removes every cached file of a variant (an operator's or a measurement's reset: the next request prunes again).
    /// Files being built are left alone. Returns the number of files removed.
    /// </summary>
    public int Remove(string model, string variant)
    {
        var directory = Path.Combine(Root, model, variant);
        if (!Directory.Exists(directory))
        {
            return 0;
        }

        var removed = 0;
        lock (evictionLock)
        {
            foreach (var file in Directory.EnumerateFiles(directory))
            {
                if (!inflight.ContainsKey(file))
                {
                    File.Delete(file);
                    lastUse.TryRemove(file, out _);
                    FileRemoved?.Invoke(Path.GetFullPath(file));
                    removed++;
                }
            }
        }

        return removed;
    }

    private CachedFile Build(string path, Action<string> build)
    {
        if (File.Exists(path))
        {
            Touch(path);
            return CachedFile.Of(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}{TempSuffix}";
        var start = Stopwatch.GetTimestamp();
        try
        {
            build(temp);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }

        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        Touch(path);
        Evict(keep: path);
        return CachedFile.Of(path, created: true, buildSeconds: seconds);
    }

    private void Touch(string path) => lastUse[path] = Interlocked.Increment(ref useClock);

    private void Evict(string keep)
    {
        lock (evictionLock)
        {
            var files = Files().ToList();
            var total = files.Sum(f => f.Length);
            foreach (var file in files.OrderBy(f => lastUse.GetValueOrDefault(f.FullName)))
            {
                if (total <= LimitBytes)
                {
                    break;
                }

                // The file just built and its siblings (a prune writes the dense and the wire form together) stay.
                if (string.Equals(file.DirectoryName, Path.GetDirectoryName(keep), StringComparison.Ordinal) || inflight.ContainsKey(file.FullName))
                {
                    continue;
                }

                try
                {
                    // Open handles (a download in progress, a loaded session) keep their data on Linux; new requests rebuild.
                    var length = file.Length;
                    file.Delete();
                    lastUse.TryRemove(file.FullName, out _);
                    total -= length;
                    Interlocked.Increment(ref evictions);
                    metrics.CacheEviction();
                    FileRemoved?.Invoke(file.FullName);
                }
                catch (IOException)
                {
                }
            }
        }
    }

    private IEnumerable<FileInfo> Files() =>
        new DirectoryInfo(Root).EnumerateFiles("*", SearchOption.AllDirectories).Where(f => !f.Name.EndsWith(TempSuffix, StringComparison.Ordinal));
}
