using EdgeInfer.Core;
using EdgeInfer.Runtime.Execution;

namespace EdgeInfer.Runtime.Tests.Execution;

public sealed class RuntimeOptionsTests
{
    [Fact]
    public void EffectiveIntraOpThreads_Defaults_DeviceOneEdgeAllCores()
    {
        Assert.Equal(1, RuntimeOptions.Device.EffectiveIntraOpThreads);
        Assert.Equal(Environment.ProcessorCount, RuntimeOptions.Edge.EffectiveIntraOpThreads);
        Assert.Equal(3, (RuntimeOptions.Edge with { IntraOpThreads = 3 }).EffectiveIntraOpThreads);
    }

    [Fact]
    public void Validated_SeveralBadFields_ListsEveryProblemInOneMessage()
    {
        var options = new RuntimeOptions { Role = (RuntimeRole)7, IntraOpThreads = 0, WarmupRuns = -1 };

        var ex = Assert.Throws<EdgeInferInputException>(() => options.Validated());

        Assert.Contains("role 7", ex.Message);
        Assert.Contains("intra-op threads 0", ex.Message);
        Assert.Contains("warm-up runs -1", ex.Message);
    }

    [Fact]
    public void Validated_Defaults_ReturnsSameInstance()
    {
        Assert.Same(RuntimeOptions.Device, RuntimeOptions.Device.Validated());
    }
}
