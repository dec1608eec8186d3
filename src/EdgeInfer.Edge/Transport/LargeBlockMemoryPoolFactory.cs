using System.Buffers;
using Microsoft.AspNetCore.Connections;

namespace EdgeInfer.Edge.Transport;

/// <summary>Gives Kestrel's socket transport <see cref="LargeBlockMemoryPool"/>s of <paramref name="blockSize"/> bytes.</summary>
public sealed class LargeBlockMemoryPoolFactory(int blockSize) : IMemoryPoolFactory<byte>
{
    /// <inheritdoc/>
    public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new LargeBlockMemoryPool(blockSize);
}
