using EdgeInfer.Models.Building;
using EdgeInfer.Models.Catalog;
using EdgeInfer.Pruning.Structured;
using EdgeInfer.Pruning.Tests.Support;

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

    [Fact]
    public void Find_Residual_OneGroupOfThreeProducersWithPerChannelOperands()
    {
        var found = ChannelDependencyGraph.Analyze(CoupledModels.Residual());

        var group = Assert.Single(found.Groups);
        Assert.Equal(ChannelGroupKind.Residual, group.Kind);
        Assert.Equal(16, group.Channels);
        Assert.Equal(3, group.Producers.Count);
        Assert.Equal(3, group.Consumers.Count); // both block convs and the head conv
        Assert.All(group.Consumers, c => Assert.Equal((0, 16), (c.Offset, c.InputChannels)));
        Assert.Equal([0, 1], group.Slices.Where(s => s.Role == ChannelSliceRole.PerChannel).Select(s => s.Axis)); // [16,1,1], [1,16,1,1]
        Assert.Equal(3 * 4, group.Slices.Count(s => s.Role == ChannelSliceRole.BatchNorm));
        Assert.Contains("reaches Flatten", Assert.Single(found.Blocked).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_Concat_GroupsSliceThePreActivationNormDepthwiseAndConsumersAtTheirOffsets()
    {
        var model = CoupledModels.Concat();
        var convs = model.Graph.Node.Where(n => n.OpType == "Conv").ToList(); // a, b, depthwise, e, h

        var groups = ChannelDependencyGraph.Find(model);

        Assert.Equal([convs[0].Name, convs[1].Name, convs[3].Name], groups.Select(g => g.Id));
        Assert.All(groups, g => Assert.Equal(ChannelGroupKind.Concat, g.Kind));
        Assert.Equal([8, 6, 10], groups.Select(g => g.Channels));
        Assert.Equal([(convs[1].Name, 0, 8), (convs[3].Name, 0, 14)], groups[0].Consumers.Select(c => (c.Conv.Name, c.Offset, c.InputChannels)));
        Assert.Equal([(convs[3].Name, 8, 14)], groups[1].Consumers.Select(c => (c.Conv.Name, c.Offset, c.InputChannels)));
        Assert.Equal([(convs[4].Name, 3, 13)], groups[2].Consumers.Select(c => (c.Conv.Name, c.Offset, c.InputChannels)));
        Assert.Equal(convs[2], Assert.Single(groups[1].Depthwise));
        // b's channels: its own BN (offset 0), then the BN over the Concat, the depthwise weight and its BN, all at offset 8.
        Assert.Equal([0, 0, 0, 0, 8, 8, 8, 8, 8, 8, 8, 8, 8], groups[1].Slices.Where(s => s.Role != ChannelSliceRole.ProducerWeight
            && s.Role != ChannelSliceRole.ConsumerWeight).Select(s => s.Offset));
    }

    [Theory]
    [InlineData("output", "is the graph output 'output'")]
    [InlineData("transpose", "reaches Transpose")]
    [InlineData("spatial-add", "neither a scalar nor an owned per-channel initializer")]
    [InlineData("shared-per-channel", "neither a scalar nor an owned per-channel initializer")]
    [InlineData("shared-weight", "whose weight or bias is shared")]
    [InlineData("grouped", "reaches grouped Conv")]
    [InlineData("concat-transpose", "reaches Transpose")]
    [InlineData("concat-axis-2", "not along the channel axis")]
    [InlineData("add-graph-input", "meets 'extra' in Add")]
    [InlineData("add-fixed-segment", "meets channels that cannot be pruned")]
    public void Analyze_UnsliceableUse_LeavesTheStemWhole(string use, string reason)
    {
        var model = Blocking(use);
        var stem = model.Graph.Node[0].Name;

        var found = ChannelDependencyGraph.Analyze(model);

        Assert.DoesNotContain(found.Groups, g => g.Id == stem);
        Assert.Contains(reason, found.Blocked.Single(b => b.Id == stem).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_NodesOutOfTopologicalOrder_FindsNothing()
    {
        var model = CoupledModels.Residual();
        var nodes = model.Graph.Node.Reverse().ToList();
        model.Graph.Node.Clear();
        model.Graph.Node.Add(nodes);

        var found = ChannelDependencyGraph.Analyze(model);

        Assert.Empty(found.Groups);
        Assert.Empty(found.Blocked);
    }

    /// <summary>A stem conv (3 → 8, then BN and Relu) whose output meets one use that cannot be sliced per channel.</summary>
    private static Onnx.ModelProto Blocking(string use)
    {
        var g = new GraphBuilder(9);
        var input = g.Input("input", TestModels.InputShape);
        var x = g.ConvBnRelu(input, 3, 8, 3);
        long[] output = [1, 10];
        switch (use)
        {
            case "output":
                output = [1, 8, 16, 16];
                break;
            case "transpose":
                g.Classifier(g.Node("Transpose", [x], GraphBuilder.Ints("perm", 0, 1, 3, 2)), 8, 10);
                break;
            case "spatial-add":
                g.Classifier(g.Node("Add", [x, g.Weight([16, 16])]), 8, 10);
                break;
            case "shared-per-channel":
                var scale = g.Weight([8, 1, 1]);
                g.Classifier(g.Node("Add", [g.Node("Mul", [x, scale]), scale]), 8, 10);
                break;
            case "shared-weight":
                var w = g.Weight([8, 8, 1, 1]);
                g.Classifier(g.Node("Add", [g.Node("Conv", [x, w]), g.Node("Conv", [x, w])]), 8, 10);
                break;
            case "grouped":
                g.Classifier(g.Conv(x, 8, 8, 3, group: 2), 8, 10);
                break;
            case "concat-transpose":
                var c = g.Node("Concat", [x, g.Conv(x, 8, 4, 1)], GraphBuilder.Int("axis", 1));
                g.Classifier(g.Conv(g.Node("Transpose", [c], GraphBuilder.Ints("perm", 0, 1, 3, 2)), 12, 8, 1), 8, 10);
                break;
            case "concat-axis-2":
                g.Classifier(g.Conv(g.Node("Concat", [x, x], GraphBuilder.Int("axis", 2)), 8, 8, 1), 8, 10);
                break;
            case "add-graph-input":
                g.Classifier(g.Conv(g.Node("Add", [x, g.Input("extra", 1, 8, 16, 16)]), 8, 8, 1), 8, 10);
                break;
            default:
                // [x | x] + [extra | x]: x's channels are added to a graph input's in the first half.
                var pair = g.Node("Concat", [x, x], GraphBuilder.Int("axis", 1));
                var mixed = g.Node("Concat", [g.Input("extra", 1, 8, 16, 16), x], GraphBuilder.Int("axis", 1));
                g.Classifier(g.Conv(g.Node("Add", [pair, mixed]), 16, 8, 1), 8, 10);
                break;
        }

        return g.Build(output);
    }
}
