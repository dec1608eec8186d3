namespace EdgeInfer.Edge.Variants;

/// <summary>What a cache build needs before it starts: admission (the build queue) and the bytes to reserve.</summary>
/// <param name="ExpectedBytes">Upper estimate of the files the build writes (its temporaries), reserved in the cache's bound.</param>
/// <param name="AdmitAsync">Waits for a build slot (dispose the result when done); null: no queue.</param>
public sealed record BuildPlan(long ExpectedBytes, Func<CancellationToken, Task<IDisposable>>? AdmitAsync)
{
    /// <summary>No reservation, no queue.</summary>
    public static BuildPlan None { get; } = new(0, null);
}
