using EdgeInfer.Runtime.Execution;

namespace EdgeInfer.Runtime.Tests.Execution;

public sealed class RuntimeWarmupTests
{
    [Fact]
    public void Warm_DecodesOpensAndRunsTheTinyNetwork()
    {
        // Other test processes warm up at the same time, so the temporary files are not counted here; the method deletes
        // its own in a finally block.
        var elapsed = RuntimeWarmup.Warm(RuntimeOptions.Device);
        Assert.True(elapsed > TimeSpan.Zero);
        Assert.True(RuntimeWarmup.Warm(RuntimeOptions.Device) < TimeSpan.FromSeconds(30));
    }
}
