using System.Buffers;
using System.Collections.Concurrent;

namespace EdgeInfer.Edge.Transport;

/// <summary>
/// A memory pool of pinned <see cref="BlockSize"/>-byte blocks for Kestrel's socket transport. Kestrel's default pool
/// hands out 4 kB blocks, so a 602,112-byte tensor body arrives in ~147 socket reads (each with its zero-byte wait read
/// and pipe flush); with 64 kB blocks it takes ~10. Blocks are reused; at most <see cref="RetainedBlocks"/> idle ones
/// are kept, the rest go to the GC. A request larger than a block gets an unpooled array.
/// </summary>
public sealed class LargeBlockMemoryPool : MemoryPool<byte>
{
    /// <summary>Idle blocks kept for reuse (64 MB at 64 kB).</summary>
    public const int RetainedBlocks = 1024;

    private readonly ConcurrentQueue<Block> idle = new();
    private int idleCount;

    /// <summary>A pool of <paramref name="blockSize"/>-byte blocks (at least 4096).</summary>
    public LargeBlockMemoryPool(int blockSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 4096);
        BlockSize = blockSize;
    }

    /// <summary>Bytes per block.</summary>
    public int BlockSize { get; }

    /// <inheritdoc/>
    public override int MaxBufferSize => BlockSize;

    /// <inheritdoc/>
    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        if (minBufferSize > BlockSize)
        {
            return new Block(null, GC.AllocateUninitializedArray<byte>(minBufferSize));
        }

        if (idle.TryDequeue(out var block))
        {
            Interlocked.Decrement(ref idleCount);
            block.Rented = true;
            return block;
        }

        return new Block(this, GC.AllocateUninitializedArray<byte>(BlockSize, pinned: true));
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing) => idle.Clear();

    private void Return(Block block)
    {
        if (Interlocked.Increment(ref idleCount) <= RetainedBlocks)
        {
            idle.Enqueue(block);
        }
        else
        {
            Interlocked.Decrement(ref idleCount);
        }
    }

    private sealed class Block(LargeBlockMemoryPool? pool, byte[] array) : IMemoryOwner<byte>
    {
        public bool Rented { get; set; } = true;

        public Memory<byte> Memory => array;

        public void Dispose()
        {
            if (!Rented)
            {
                return;
            }

            Rented = false;
            pool?.Return(this);
        }
    }
}
