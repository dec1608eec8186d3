using EdgeInfer.Pruning.Variants;
using EdgeInfer.Study.Measurement;

namespace EdgeInfer.Study.Tests.Measurement;

public sealed class MeasurementCacheTests
{
    private static readonly MeasurementKey Key = new("inference", "mobilenet", "full", "edge", 4, "samples=5", "cpu=x");

    [Fact]
    public void GetOrMeasure_SecondCache_ReusesTheStoredValue()
    {
        using var dir = new TempDirectory();
        var first = new MeasurementCache(dir.Path, fresh: false);
        Assert.Equal(1.5, first.GetOrMeasure(Key, () => 1.5));
        var second = new MeasurementCache(dir.Path, fresh: false);
        Assert.Equal(1.5, second.GetOrMeasure(Key, () => 9.0));
        Assert.Equal((1, 0), (second.Hits, second.Misses));
    }

    [Fact]
    public void GetOrMeasure_Fresh_RemeasuresOnceThenReuses()
    {
        using var dir = new TempDirectory();
        new MeasurementCache(dir.Path, fresh: false).GetOrMeasure(Key, () => 1.5);
        var fresh = new MeasurementCache(dir.Path, fresh: true);
        Assert.Equal(2.5, fresh.GetOrMeasure(Key, () => 2.5));
        Assert.Equal(2.5, fresh.GetOrMeasure(Key, () => 7.0));
        Assert.Equal(2.5, new MeasurementCache(dir.Path, fresh: false).GetOrMeasure(Key, () => 7.0));
    }

    [Fact]
    public void GetOrMeasure_DifferentSettingsOrMachine_IsADifferentEntry()
    {
        using var dir = new TempDirectory();
        var cache = new MeasurementCache(dir.Path, fresh: false);
        cache.GetOrMeasure(Key, () => 1.0);
        Assert.Equal(2.0, cache.GetOrMeasure(Key with { Settings = "samples=6" }, () => 2.0));
        Assert.Equal(3.0, cache.GetOrMeasure(Key with { Machine = "cpu=y" }, () => 3.0));
        Assert.Equal(4.0, cache.GetOrMeasure(Key with { Load = 8 }, () => 4.0));
        Assert.Equal(4, Directory.GetFiles(dir.Path).Length);
    }

    [Fact]
    public void GetOrMeasure_CorruptOrTruncatedEntry_IsMeasuredAgain()
    {
        using var dir = new TempDirectory();
        var cache = new MeasurementCache(dir.Path, fresh: false);
        cache.GetOrMeasure(Key, () => 1.0);
        var path = Path.Combine(dir.Path, Key.FileName);
        File.WriteAllText(path, File.ReadAllText(path)[..10]);
        Assert.Equal(5.0, new MeasurementCache(dir.Path, fresh: false).GetOrMeasure(Key, () => 5.0));
    }

    [Fact]
    public void GetOrMeasure_MeasurementThrows_LeavesNoEntryAndNoTemporaryFile()
    {
        using var dir = new TempDirectory();
        var cache = new MeasurementCache(dir.Path, fresh: false);
        Assert.Throws<OperationCanceledException>(() => cache.GetOrMeasure<double>(Key, () => throw new OperationCanceledException()));
        Assert.Empty(Directory.GetFiles(dir.Path));
        Assert.False(cache.Contains(Key));
    }

    [Fact]
    public void Store_ReplacesAnEntry_ThatTheNextCacheReads()
    {
        using var dir = new TempDirectory();
        new MeasurementCache(dir.Path, fresh: false).GetOrMeasure(Key, () => 1.0);
        new MeasurementCache(dir.Path, fresh: false).Store(Key, 6.0);
        Assert.Equal(6.0, new MeasurementCache(dir.Path, fresh: false).GetOrMeasure(Key, () => 9.0));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void GetOrMeasure_PreparedVariantEntries_RoundTripTheVariant()
    {
        using var dir = new TempDirectory();
        var key = new MeasurementKey("variant", "mobilenet", "channel-0.70", "-", 0, "seed=42", "any");
        var variant = ModelVariant.Pruned("mobilenet", PruningMethod.Channel, PruningFactor.Of(0.7));
        var prepared = new PreparedVariant(variant, "m.onnx", 10, 5, 3, null, false);
        new MeasurementCache(dir.Path, fresh: false).GetOrMeasure(key, () => prepared);
        var again = new MeasurementCache(dir.Path, fresh: false).GetOrMeasure<PreparedVariant>(key, () => throw new InvalidOperationException("cached"));
        Assert.Equal(prepared, again);
        Assert.Contains("\"method\": \"channel\"", File.ReadAllText(Path.Combine(dir.Path, key.FileName)), StringComparison.Ordinal);
    }

    [Fact]
    public void GetOrMeasure_EntriesWrittenBeforeTheVariantIdentity_AreReusedOrMeasuredAgainWithoutACrash()
    {
        // Before ModelVariant, a study variant was {model, method (a string), pruningFactor} and pruned names had the
        // shortest pf (channel-0.7): the full variant's entry is still read; a pruned one has a new key (channel-0.70),
        // and an old value that is no variant any more is measured again.
        using var dir = new TempDirectory();
        var fullKey = new MeasurementKey("variant", "mobilenet", "full", "-", 0, "seed=42", "any");
        var oldPrunedKey = fullKey with { Variant = "channel-0.7" };
        var newPrunedKey = fullKey with { Variant = "channel-0.70" };
        var old = new MeasurementCache(dir.Path, fresh: false);
        static object Old(string? method, double pf) =>
            new
            {
                spec = new { model = "mobilenet", method, pruningFactor = pf },
                modelPath = "m.onnx",
                onnxBytes = 5,
                transferBytes = 4,
                parameters = 2,
                macs = (long?)null,
                trained = false,
            };
        old.Store(fullKey, Old(null, 0));
        old.Store(oldPrunedKey, Old("channel", 0.7));
        old.Store(newPrunedKey, Old("channel", 0.755));
        Assert.NotEqual(oldPrunedKey.FileName, newPrunedKey.FileName);

        var cache = new MeasurementCache(dir.Path, fresh: false);
        var full = cache.GetOrMeasure<PreparedVariant>(fullKey, () => throw new InvalidOperationException("the full entry is still valid"));
        Assert.Equal(ModelVariant.Full("mobilenet"), full.Spec);
        var remeasured = new PreparedVariant(ModelVariant.Pruned("mobilenet", PruningMethod.Channel, PruningFactor.Of(0.7)), "m.onnx", 5, 4, 2, null, false);
        Assert.Equal(remeasured, cache.GetOrMeasure(newPrunedKey, () => remeasured));
        Assert.Equal((1, 1), (cache.Hits, cache.Misses));
    }
}
