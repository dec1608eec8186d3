using EdgeInfer.Edge.Transport;

namespace EdgeInfer.Edge.Tests;

public sealed class LargeBlockMemoryPoolTests
{
    [Fact]
    public void Rent_DefaultSize_GivesAWholeBlockAndReusesItAfterDispose()
    {
        using var pool = new LargeBlockMemoryPool(64 * 1024);
        var first = pool.Rent();
        Assert.Equal(64 * 1024, first.Memory.Length);
        first.Memory.Span[0] = 42;
        first.Dispose();
        using var second = pool.Rent(1000);
        Assert.Equal(64 * 1024, second.Memory.Length);
        Assert.Equal(42, second.Memory.Span[0]); // the same block came back
    }

    [Fact]
    public void Dispose_Twice_ReturnsTheBlockOnce()
    {
        using var pool = new LargeBlockMemoryPool(4096);
        var block = pool.Rent();
        block.Dispose();
        block.Dispose();
        using var a = pool.Rent();
        using var b = pool.Rent();
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Rent_LargerThanABlock_GivesAnUnpooledBufferOfThatSize()
    {
        using var pool = new LargeBlockMemoryPool(4096);
        using var big = pool.Rent(10_000);
        Assert.True(big.Memory.Length >= 10_000);
    }

    [Fact]
    public void Constructor_BlockBelow4096_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LargeBlockMemoryPool(1024));
}
