using EdgeInfer.Edge.Variants;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Edge.Tests;

/// <summary>The real pruner, but each prune waits until the test releases it, and prunes are counted.</summary>
public sealed class BlockingPruner : IModelPruner, IDisposable
{
    private readonly FilePruner inner = new();
    private readonly SemaphoreSlim release = new(0);
    private readonly SemaphoreSlim entered = new(0);
    private int prunes;

    public int Prunes => Volatile.Read(ref prunes);

    /// <summary>Waits until a prune has started.</summary>
    public Task WaitEnteredAsync() => entered.WaitAsync(TimeSpan.FromSeconds(60));

    /// <summary>Lets <paramref name="count"/> prunes go on.</summary>
    public void Release(int count = 1) => release.Release(count);

    public void Prune(string input, string output, ModelVariant variant, string? wireOutput = null)
    {
        Interlocked.Increment(ref prunes);
        entered.Release();
        if (!release.Wait(TimeSpan.FromSeconds(60)))
        {
            throw new TimeoutException("The test never released the prune.");
        }

        inner.Prune(input, output, variant, wireOutput);
    }

    public void EncodeWire(string input, string output) => inner.EncodeWire(input, output);

    public void EncodeSparseOnnx(string input, string output) => inner.EncodeSparseOnnx(input, output);

    public void Dispose()
    {
        release.Dispose();
        entered.Dispose();
    }
}
