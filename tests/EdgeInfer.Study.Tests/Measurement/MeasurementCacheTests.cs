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
}
