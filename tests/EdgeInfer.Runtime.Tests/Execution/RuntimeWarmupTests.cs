using EdgeInfer.Runtime.Execution;

namespace EdgeInfer.Runtime.Tests.Execution;

public sealed class RuntimeWarmupTests
{
    [Fact]
    public void Warm_OpensAndRunsTheTinyNetwork_AndLeavesNoFile()
    {
        var before = Directory.EnumerateFiles(Path.GetTempPath(), "edgeinfer-warmup-*").Count();
        var elapsed = RuntimeWarmup.Warm(RuntimeOptions.Device);
        Assert.True(elapsed > TimeSpan.Zero);
        Assert.Equal(before, Directory.EnumerateFiles(Path.GetTempPath(), "edgeinfer-warmup-*").Count());
    }
}
