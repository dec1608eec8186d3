using EdgeInfer.Edge.Api;
using EdgeInfer.Models.Repository;

namespace EdgeInfer.Edge.Variants;

/// <summary>The cache's bound, leases, eviction and removal (one lock: <see cref="storeLock"/>).</summary>
public sealed partial class VariantCache
{
    private readonly Dictionary<string, int> leases = new(StringComparer.Ordinal);

    /// <summary>
    /// Marks a variant in use until the result is disposed: while any lease is held its files are neither evicted nor
    /// removed (a build writes into it, or a response is being served from it).
    /// </summary>
    public IDisposable Lease(string model, string variant)
    {
        var directory = Path.Combine(Root, model, variant);
        lock (storeLock)
        {
            leases[directory] = leases.GetValueOrDefault(directory) + 1;
        }

        return new VariantLease(this, directory);
    }

    /// <summary>
    /// Removes every cached file of a variant and its folder (an operator's or a measurement's reset: the next request
    /// builds again). A variant in use (being built, or being served) is waited for up to <paramref name="wait"/>; if it is
    /// still in use then, nothing is removed and a 409 is thrown. Returns the number of files removed.
    /// </summary>
    /// <exception cref="EdgeProblemException">409 Conflict with <c>Retry-After</c> when the variant stays in use.</exception>
    public async Task<int> RemoveAsync(string model, string variant, TimeSpan wait, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Root, model, variant);
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            lock (storeLock)
            {
                if (leases.GetValueOrDefault(directory) == 0)
                {
                    return Directory.Exists(directory) ? RemoveVariantFiles(directory, evicted: false) : 0;
                }
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new EdgeProblemException(409, "Variant in use",
                    $"{model}/{variant} is being built or served; its cache entry was not removed. Try again when it is done.", 1);
            }

            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Makes room for <paramref name="bytes"/> more (evicting), or throws 507 when it cannot fit.</summary>
    private void Reserve(string directory, long bytes)
    {
        if (bytes > LimitBytes)
        {
            throw StorageProblems.Full(
                $"{Describe(directory)} needs about {bytes} B while it is built, more than this edge's cache holds ({LimitBytes} B).");
        }

        lock (storeLock)
        {
            var reserved = Interlocked.Read(ref reservedBytes);
            if (TotalBytes() + reserved + bytes > LimitBytes)
            {
                EvictLocked(LimitBytes - reserved - bytes, directory);
            }

            var total = TotalBytes();
            if (total + reserved + bytes > LimitBytes)
            {
                throw StorageProblems.Full(
                    $"{Describe(directory)} needs about {bytes} B while it is built; the cache holds {total} B in variants in use "
                    + $"and {reserved} B for other builds, of {LimitBytes} B. Try again later.");
            }

            Interlocked.Add(ref reservedBytes, bytes);
        }
    }

    private void Evict(string keepDirectory)
    {
        lock (storeLock)
        {
            EvictLocked(LimitBytes - Interlocked.Read(ref reservedBytes), keepDirectory);
        }
    }

    /// <summary>
    /// Evicts whole variants, least recently used first, skipping those in use and <paramref name="keep"/>, until at most
    /// <paramref name="target"/> bytes.
    /// </summary>
    private void EvictLocked(long target, string keep)
    {
        var variants = Files().GroupBy(f => f.DirectoryName!, StringComparer.Ordinal)
            .Select(g => (Directory: g.Key, Bytes: g.Sum(f => f.Length)))
            .ToList();
        var total = variants.Sum(v => v.Bytes);
        foreach (var (directory, bytes) in variants.OrderBy(v => lastUse.GetValueOrDefault(v.Directory)))
        {
            if (total <= target)
            {
                break;
            }

            if (string.Equals(directory, keep, StringComparison.Ordinal) || leases.GetValueOrDefault(directory) > 0)
            {
                continue;
            }

            // Open handles (a download in progress, a loaded session) keep their data on Linux; new requests rebuild.
            RemoveVariantFiles(directory, evicted: true);
            total -= bytes;
        }
    }

    /// <summary>Deletes a variant's files (encodings first, the dense model last), their sidecars and the emptied folders.</summary>
    private int RemoveVariantFiles(string directory, bool evicted)
    {
        var removed = 0;
        var files = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory).Where(IsCacheFile).OrderBy(f => Path.GetFileName(f) == ModelRepository.ModelFileName).ToList()
            : [];
        foreach (var file in files)
        {
            try
            {
                File.Delete(file);
                DeleteQuietly(FileChecksum.SidecarOf(file));
                verified.TryRemove(file, out _);
                removed++;
                if (evicted)
                {
                    Interlocked.Increment(ref evictions);
                    metrics.CacheEviction();
                }

                FileRemoved?.Invoke(Path.GetFullPath(file));
            }
            catch (IOException)
            {
            }
        }

        lastUse.TryRemove(directory, out _);
        RemoveEmptyFolders(directory);
        return removed;
    }

    /// <summary>Removes a corrupt file; a corrupt dense model takes its encodings with it (they would be orphans).</summary>
    private void RemoveCorrupt(string path)
    {
        lock (storeLock)
        {
            if (Path.GetFileName(path) == ModelRepository.ModelFileName)
            {
                RemoveVariantFiles(Path.GetDirectoryName(path)!, evicted: false);
                return;
            }

            DeleteQuietly(path);
            DeleteQuietly(FileChecksum.SidecarOf(path));
            verified.TryRemove(path, out _);
            FileRemoved?.Invoke(path);
        }
    }

    /// <summary>Removes <paramref name="directory"/> and its model folder when they are empty and not in use.</summary>
    private void RemoveEmptyFolders(string directory)
    {
        for (var dir = directory; dir is not null && dir.Length > Root.Length; dir = Path.GetDirectoryName(dir))
        {
            if (InUse(dir) || !Directory.Exists(dir) || Directory.EnumerateFileSystemEntries(dir).Any())
            {
                return;
            }

            try
            {
                Directory.Delete(dir);
            }
            catch (IOException)
            {
                return;
            }
        }
    }

    /// <summary>True when <paramref name="dir"/> or a folder below it is leased (a build may be about to create it).</summary>
    private bool InUse(string dir) =>
        leases.Keys.Any(k => string.Equals(k, dir, StringComparison.Ordinal) || k.StartsWith(dir + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    private static long VariantBytes(string directory) =>
        Directory.Exists(directory) ? new DirectoryInfo(directory).EnumerateFiles().Where(f => IsCacheFile(f.FullName)).Sum(f => f.Length) : 0;

    private static bool IsCacheFile(string path) =>
        !path.EndsWith(TempSuffix, StringComparison.Ordinal) && !path.EndsWith(FileChecksum.Suffix, StringComparison.Ordinal);

    private IEnumerable<FileInfo> Files() =>
        new DirectoryInfo(Root).EnumerateFiles("*", SearchOption.AllDirectories).Where(f => IsCacheFile(f.FullName));

    private void Release(string directory)
    {
        lock (storeLock)
        {
            var count = leases.GetValueOrDefault(directory) - 1;
            if (count > 0)
            {
                leases[directory] = count;
                return;
            }

            leases.Remove(directory);
            RemoveEmptyFolders(directory);
        }
    }

    private sealed class VariantLease(VariantCache cache, string directory) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                cache.Release(directory);
            }
        }
    }
}
