using EdgeInfer.Models.Building;
using EdgeInfer.Models.Catalog;
using EdgeInfer.Pruning.Structured;

namespace EdgeInfer.Pruning.Tests.Structured;

public sealed class ChannelDependencyGraphTests
{
    [Theory]
    // 50 bottlenecks × (conv1, conv2) + the stem (through the max pool into layer1.0's conv1 and projection); the streams of
    // stages 1–3 (projection + every conv3) are residual groups; stage 4's stream ends in avgpool → flatten → fc: blocked.
    [InlineData("resnet152", 101, 3, 0, 1)]
    // 98 dense layers' 1×1 convs; Concat: the 66 growth convs of blocks 1–3, the stem and transitions 1–2 (each feeds a
    // block); block 4's 32 growth convs and transition 3 reach norm5 → avgpool → flatten → classifier: blocked.
    [InlineData("densenet201", 98, 0, 69, 33)]
    // The stem and pointwise 1–12, each with the depthwise conv after it; pointwise 13 feeds the head: blocked.
    [InlineData("mobilenet", 13, 0, 0, 1)]
    public void Analyze_CatalogNetworks_FindsGroupsByKind(string name, int singles, int residual, int concat, int blocked)
    {
        var model = ModelCatalog.Find(name).BuildShapeOnly();

        var found = ChannelDependencyGraph.Analyze(model);

        Assert.Equal(singles, found.Groups.Count(g => g.Kind == ChannelGroupKind.Single));
        Assert.Equal(residual, found.Groups.Count(g => g.Kind == ChannelGroupKind.Residual));
        Assert.Equal(concat, found.Groups.Count(g => g.Kind == ChannelGroupKind.Concat));
        Assert.Equal(blocked, found.Blocked.Count);
        Assert.All(found.Groups, g => Assert.NotEmpty(g.Consumers));
        Assert.All(found.Blocked, b => Assert.Contains("reaches Flatten 'flatten'", b.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_TinyNetwork_OneStreamTiedThroughAddAndConcatIntoTheHeadIsBlocked()
    {
        // conv → maxpool is added to pw's output, and both are concatenated: conv and pw share one channel set, which
        // reaches the classifier head.
        var found = ChannelDependencyGraph.Analyze(TinyNetwork.Build());

        Assert.Empty(found.Groups);
        var blocked = Assert.Single(found.Blocked);
        Assert.Equal(["conv", "pw"], blocked.Producers.Select(p => p.Name));
    }

    [Fact]
    public void Find_ResNet152_ResidualGroupsTieEveryConv3OfTheirStage()
    {
        var groups = ChannelDependencyGraph.Find(ModelCatalog.Find("resnet152").BuildShapeOnly());

        var residual = groups.Where(g => g.Kind == ChannelGroupKind.Residual).ToList();
        Assert.Equal(["layer1.0.conv3", "layer2.0.conv3", "layer3.0.conv3"], residual.Select(g => g.Id));
        Assert.Equal([4, 9, 37], residual.Select(g => g.Producers.Count));
        Assert.Equal([256, 512, 1024], residual.Select(g => g.Channels));
    }
}
