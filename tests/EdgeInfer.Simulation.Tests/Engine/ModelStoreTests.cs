using EdgeInfer.Simulation.Engine;
using EdgeInfer.Simulation.Scenarios;

namespace EdgeInfer.Simulation.Tests.Engine;

public sealed class ModelStoreTests
{
    // Four variants of 100 B each; variant 3 has the longest prune and variant 0 the shortest.
    private static readonly long[] Sizes = [100, 100, 100, 100];
    private static readonly double[] Prune = [1, 2, 3, 4];

    [Fact]
    public void LruEvictsTheLeastRecentlyRequested()
    {
        var store = new ModelStore(EvictionKind.Lru, 200, Sizes, Prune);
        Assert.True(store.TryAdmit(0));
        Assert.True(store.TryAdmit(1));
        store.RecordRequest(0);

        Assert.True(store.TryAdmit(2));

        Assert.True(store.Contains(0));
        Assert.False(store.Contains(1));
        Assert.True(store.Contains(2));
        Assert.Equal(200, store.UsedBytes);
    }

    [Fact]
    public void LfuEvictsTheLeastRequested()
    {
        var store = new ModelStore(EvictionKind.Lfu, 200, Sizes, Prune);
        store.TryAdmit(0);
        store.TryAdmit(1);
        store.RecordRequest(1);
        store.RecordRequest(1);
        store.RecordRequest(0);

        store.TryAdmit(2);

        Assert.False(store.Contains(0));
        Assert.True(store.Contains(1));
    }

    [Fact]
    public void UtilityPerByteRefusesANewcomerLessDenseThanItsVictims()
    {
        var store = new ModelStore(EvictionKind.UtilityPerByte, 200, Sizes, Prune);
        store.RecordRequest(2);
        store.RecordRequest(3);
        store.TryAdmit(2);
        store.TryAdmit(3);

        // Variant 0: one request × 1 s / 100 B, below both residents (1 × 3 s and 1 × 4 s per 100 B).
        store.RecordRequest(0);
        Assert.False(store.TryAdmit(0));

        // Variant 1 asked for 5 times: 5 × 2 s beats variant 2's 1 × 3 s, which goes.
        for (var i = 0; i < 5; i++)
        {
            store.RecordRequest(1);
        }

        Assert.True(store.TryAdmit(1));
        Assert.False(store.Contains(2));
        Assert.True(store.Contains(3));
    }

    [Fact]
    public void StaticTopKNeverAdmitsAndATooLargeVariantNeverFits()
    {
        var fixedSet = new ModelStore(EvictionKind.StaticTopK, 1000, Sizes, Prune);
        Assert.True(fixedSet.Preload(0));
        Assert.False(fixedSet.TryAdmit(1));

        var small = new ModelStore(EvictionKind.Lru, 50, Sizes, Prune);
        Assert.False(small.TryAdmit(0));
        Assert.Equal(0, small.UsedBytes);
    }
}
