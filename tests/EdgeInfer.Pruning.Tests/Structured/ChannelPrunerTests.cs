using EdgeInfer.Core;
using EdgeInfer.Models.Catalog;
using EdgeInfer.Pruning.Analysis;
using EdgeInfer.Pruning.Structured;
using EdgeInfer.Pruning.Tests.Support;
using Onnx;

namespace EdgeInfer.Pruning.Tests.Structured;

public sealed class ChannelPrunerTests
{
    public static TheoryData<string, double> Cases() => new()
    {
        { "resnet", 0.5 }, { "resnet", 0.7 }, { "densenet", 0.5 }, { "densenet", 0.9 }, { "mobilenet", 0.5 }, { "mobilenet", 0.7 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void PruneInPlace_TestModels_RemovesExpectedChannelsAndRunsWithSameShapes(string name, double pf)
    {
        var (original, expectedLayers) = Model(name);
        var pruned = original.Clone();

        var result = ChannelPruner.PruneInPlace(pruned, pf);

        Assert.Equal(expectedLayers, result.Layers.Select(l => l.ChannelsBefore).ToArray());
        Assert.Equal(expectedLayers.Sum(c => ChannelPruner.ChannelsToRemove(pf, c)), result.RemovedChannels);
        Assert.All(result.Layers, l => Assert.Equal(l.ChannelsBefore - ChannelPruner.ChannelsToRemove(pf, l.ChannelsBefore), l.ChannelsAfter));
        Assert.Equal(Ort.OutputShape(original), Ort.OutputShape(pruned));
        var output = Ort.Run(pruned);
        Assert.Equal(10, output.Length);
        Assert.All(output, v => Assert.True(float.IsFinite(v)));

        var before = ModelStatistics.Of(original);
        var after = ModelStatistics.Of(pruned);
        Assert.True(after.Parameters < before.Parameters, $"{after.Parameters} >= {before.Parameters}");
        Assert.True(after.Macs < before.Macs, $"{after.Macs} >= {before.Macs}");
    }

    [Fact]
    public void PruneInPlace_MobileNetCatalog_RunsInOrtWithSameOutputShape()
    {
        var model = ModelCatalog.Find("mobilenet").Build(ModelCatalog.DefaultSeed);
        var original = model.Clone();

        var result = ChannelPruner.PruneInPlace(model, 0.7);

        Assert.Equal(13, result.Layers.Count);
        Assert.Equal(Ort.OutputShape(original), Ort.OutputShape(model));
        Assert.True(model.CalculateSize() < original.CalculateSize() / 2); // the 1024×1000 classifier stays whole
        Assert.Equal(1000, Ort.Run(model).Length);
    }

    [Fact]
    public void PruneInPlace_ResNetLike_KeepsChannelsWithLargestL1Norms()
    {
        var model = TestModels.ResNetLike();
        // conv1 of the second bottleneck: [8, 32, 1, 1]; its input (a residual sum) is not pruned.
        var weight = model.Graph.Initializer.Single(t => t.Dims.SequenceEqual([8L, 32, 1, 1]));
        var norms = NaivePruner.Values(weight).Chunk(weight.Dims.Skip(1).Aggregate(1, (a, b) => a * (int)b)).Select(r => r.Sum(Math.Abs)).ToArray();
        var kept = Enumerable.Range(0, 8).OrderByDescending(c => norms[c]).Take(4).Order().ToArray();
        var expected = NaivePruner.Values(weight).Chunk(32).Where((_, i) => kept.Contains(i)).SelectMany(r => r).ToArray();

        ChannelPruner.PruneInPlace(model, 0.5);

        Assert.Equal([4L, 32, 1, 1], weight.Dims);
        Assert.Equal(expected, NaivePruner.Values(weight));
    }

    [Fact]
    public void PruneInPlace_ResidualGroup_KeepsChannelsWithLargestL1NormSummedOverProducers()
    {
        var model = CoupledModels.Residual();
        var producers = ChannelDependencyGraph.Find(model).Single().ProducerWeights.ToList();
        var norms = new double[16];
        foreach (var weight in producers)
        {
            var rows = NaivePruner.Values(weight).Chunk(NaivePruner.Values(weight).Length / 16).Select(r => r.Sum(v => (double)Math.Abs(v))).ToArray();
            for (var c = 0; c < 16; c++)
            {
                norms[c] += rows[c];
            }
        }

        var kept = Enumerable.Range(0, 16).OrderByDescending(c => norms[c]).Take(8).Order().ToArray();
        var stem = producers[0];
        var expected = NaivePruner.Values(stem).Chunk(3 * 3 * 3).Where((_, i) => kept.Contains(i)).SelectMany(r => r).ToArray();

        var result = ChannelPruner.PruneInPlace(model, 0.5);

        Assert.Equal(3, result.Layers.Count); // the three producers of the one residual group
        Assert.All(result.Layers, l => Assert.Equal((16, 8), (l.ChannelsBefore, l.ChannelsAfter)));
        Assert.Equal(expected, NaivePruner.Values(stem));
    }

    [Fact]
    public void PruneInPlace_ZeroFactor_OutputsIdentical()
    {
        var original = TestModels.MobileNetLike();
        var pruned = original.Clone();
        var result = ChannelPruner.PruneInPlace(pruned, 0);
        Assert.Equal(0, result.RemovedChannels);
        Assert.Equal(Ort.Run(original), Ort.Run(pruned));
    }

    [Fact]
    public void PruneInPlace_MobileNetLike_DepthwiseGroupFollowsChannels()
    {
        var model = TestModels.MobileNetLike();
        ChannelPruner.PruneInPlace(model, 0.75);
        var depthwise = model.Graph.Node.Where(n => n.OpType == "Conv" && n.Attribute.Single(a => a.Name == "group").I > 1).ToList();
        Assert.Equal([2L, 4, 8], depthwise.Select(n => n.Attribute.Single(a => a.Name == "group").I));
    }

    [Fact]
    public void PruneInPlace_FloatData_SameResultAsRawData()
    {
        var raw = TestModels.DenseNetLike(floatData: false);
        var floats = TestModels.DenseNetLike(floatData: true);
        ChannelPruner.PruneInPlace(raw, 0.5);
        ChannelPruner.PruneInPlace(floats, 0.5);
        Assert.Equal(Ort.Run(raw), Ort.Run(floats));
    }

    [Theory]
    [InlineData(0.7, 32, 1, 10)]
    [InlineData(0.7, 32, 8, 16)]
    [InlineData(0.7, 1024, 8, 312)]
    [InlineData(0.99, 8, 8, 8)]
    [InlineData(0.5, 4, 8, 4)]
    public void ChannelsToKeep_Multiple_RoundsUpWithinTheLayer(double pf, int channels, int multiple, int expected) =>
        Assert.Equal(expected, ChannelPruner.ChannelsToKeep(pf, channels, multiple));

    [Fact]
    public void PruneInPlace_ChannelMultipleEight_KeptCountsAreMultiplesAndModelRuns()
    {
        var model = TestModels.MobileNetLike();
        var result = ChannelPruner.PruneInPlace(model, 0.7, channelMultiple: 8);
        Assert.All(result.Layers, l => Assert.True(l.ChannelsAfter % 8 == 0 || l.ChannelsAfter == l.ChannelsBefore, $"{l.Conv}: {l.ChannelsAfter}"));
        Assert.Equal(10, Ort.Run(model).Length);
    }

    [Fact]
    public void PruneInPlace_FactorOutOfRange_Rejected() =>
        Assert.Throws<EdgeInferInputException>(() => ChannelPruner.PruneInPlace(TestModels.ResNetLike(), 1.5));

    private static (ModelProto Model, int[] PrunableLayers) Model(string name) => name switch
    {
        // The stem feeds only Convs (bottleneck conv1 and the projection shortcut), so it is prunable too.
        "resnet" => (TestModels.ResNetLike(), [16, 8, 8, 8, 8]),
        // The stem and both 3×3 growth convs sit inside the Concats (Concat groups), the 1×1 bottlenecks are single groups;
        // the transition conv feeds the pool and the classifier, so it stays whole.
        "densenet" => (TestModels.DenseNetLike(), [16, 32, 8, 32, 8]),
        _ => (TestModels.MobileNetLike(), [8, 16, 32]),
    };
}
