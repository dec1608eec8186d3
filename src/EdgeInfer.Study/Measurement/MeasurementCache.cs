using System.Text.Json;
using EdgeInfer.Models.Files;

namespace EdgeInfer.Study.Measurement;

/// <summary>
/// Measurements stored one file per <see cref="MeasurementKey"/> in a folder (<c>&lt;output&gt;/cache</c>). Each entry is
/// written to a temporary file and renamed into place, so an interrupted run (Ctrl-C) leaves only whole entries: the
/// next run reuses them and measures the rest. An entry whose stored key differs (a hash collision) or that cannot be
/// read is measured again. With <c>fresh</c>, existing entries are ignored and overwritten.
/// </summary>
public sealed class MeasurementCache
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly bool fresh;
    private readonly HashSet<string> writtenThisRun = new(StringComparer.Ordinal);
    private int hits;
    private int misses;

    /// <summary>Opens (creating) the cache folder.</summary>
    public MeasurementCache(string folder, bool fresh)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = Directory.CreateDirectory(folder).FullName;
        this.fresh = fresh;
    }

    /// <summary>The cache folder.</summary>
    public string Folder { get; }

    /// <summary>Entries reused so far.</summary>
    public int Hits => hits;

    /// <summary>Entries measured (and stored) so far.</summary>
    public int Misses => misses;

    /// <summary>True when a reusable entry exists for <paramref name="key"/> (always false with <c>fresh</c> until it is re-measured).</summary>
    public bool Contains(MeasurementKey key) => TryRead<JsonElement>(key, out _);

    /// <summary>The cached value of <paramref name="key"/>, or <paramref name="measure"/>'s result, which is then stored atomically.</summary>
    public T GetOrMeasure<T>(MeasurementKey key, Func<T> measure)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(measure);
        if (TryRead<T>(key, out var cached))
        {
            Interlocked.Increment(ref hits);
            return cached;
        }

        var value = measure();
        Write(key, value);
        Interlocked.Increment(ref misses);
        return value;
    }

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/> (atomically), replacing an entry that went stale.</summary>
    public void Store<T>(MeasurementKey key, T value)
    {
        ArgumentNullException.ThrowIfNull(key);
        Write(key, value);
    }

    private bool TryRead<T>(MeasurementKey key, out T value)
    {
        value = default!;
        var path = Path.Combine(Folder, key.FileName);
        if (!File.Exists(path) || (fresh && !writtenThisRun.Contains(key.FileName)))
        {
            return false;
        }

        try
        {
            var entry = JsonSerializer.Deserialize<Entry<T>>(File.ReadAllBytes(path), Json);
            if (entry is null || entry.Key != key || entry.Value is null)
            {
                return false;
            }

            value = entry.Value;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private void Write<T>(MeasurementKey key, T value)
    {
        AtomicFile.WriteAllBytes(Path.Combine(Folder, key.FileName), JsonSerializer.SerializeToUtf8Bytes(new Entry<T>(key, value), Json));
        lock (writtenThisRun)
        {
            writtenThisRun.Add(key.FileName);
        }
    }

    private sealed record Entry<T>(MeasurementKey Key, T Value);
}
