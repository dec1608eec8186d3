using EdgeInfer.Compression.Structured;
using EdgeInfer.Core;
using EdgeInfer.Models.Inspection;
using EdgeInfer.Pruning.Structured;
using EdgeInfer.Pruning.Variants;
using Google.Protobuf;
using Onnx;

namespace EdgeInfer.Compression.Tests.Structured;

public sealed class ChannelLsPrunerTests
{
    /// <summary>
    /// With every channel kept, re-fitting every consumer by least squares (inputs from the network being re-fitted,
    /// targets from the original, λ = 1e-10) and correcting its statistics reproduces the original network: logits within
    /// 1e-4 relative.
    /// </summary>
    [Fact]
    public void Refit_NothingRemoved_ReproducesTheOriginalNetwork()
    {
        var original = SmallNetworks.Residual();
        var model = original.Clone();
        var images = SmallNetworks.Images(24);
        var options = new ChannelLsOptions { Factor = PruningFactor.Of(0.5), Ridge = 1e-10, SampledRows = 1024 };
        var convs = RefitConvs.Build(model, ChannelDependencyGraph.Find(model));
        Assert.Equal(3, convs.Count); // conv_a, conv_b, conv_c

        OriginalPass.Run(model, convs, images, images.Count, options, 8);
        SequentialRefit.Run(model, convs, new Dictionary<RefitConv, int[]>(), images, options);

        Assert.All(convs, c => Assert.True(c.Error < 1e-8, $"{c.Node.Name}: {c.Error}"));
        var difference = SmallNetworks.RelativeDifference(SmallNetworks.Run(model, images), SmallNetworks.Run(original, images));
        Assert.True(difference < 1e-4, $"relative difference {difference}");
    }

    /// <summary>
    /// conv_p's channel 4 duplicates channel 1 and channel 5 is zero: asked to remove two of its six channels, channel-ls
    /// removes exactly those redundant ones (one of the twins and the zero channel), and the re-fit of conv_q recovers the
    /// original output (within 1e-4 relative), which no selection that removed an informative channel could.
    /// </summary>
    [Fact]
    public void PruneInPlace_RedundantChannels_AreRemovedFirstAndTheOutputIsRecovered()
    {
        var original = SmallNetworks.Redundant();
        var model = original.Clone();
        var images = SmallNetworks.Images(32);

        var result = ChannelLsPruner.PruneInPlace(
            model, images, new ChannelLsOptions { Factor = PruningFactor.Of(0.33), Ridge = 1e-10, SampledRows = 2048 });

        var group = Assert.Single(result.Groups);
        Assert.Equal((6, 4), (group.ChannelsBefore, group.ChannelsAfter));
        Assert.True(group.SelectionError < 1e-6, $"selection error {group.SelectionError}");
        var rows = ConvParametersOf(model, "conv_p_w", 27);
        Assert.DoesNotContain(rows, r => r.All(v => v == 0));
        Assert.Equal(4, rows.Select(r => string.Join(",", r)).Distinct().Count());
        var difference = SmallNetworks.RelativeDifference(SmallNetworks.Run(model, images), SmallNetworks.Run(original, images));
        Assert.True(difference < 1e-4, $"relative difference {difference}");
    }

    /// <summary>A MACs budget is met (counted again by ShapeInference on the result), and the result is a valid model ORT runs.</summary>
    [Theory]
    [InlineData(0.6)]
    [InlineData(0.35)]
    public void PruneInPlace_Budget_IsMetAndTheModelIsValid(double budget)
    {
        var model = SmallNetworks.Residual();
        var images = SmallNetworks.Images(16);

        var result = ChannelLsPruner.PruneInPlace(model, images, new ChannelLsOptions { Budget = MacsBudget.Of(budget), SampledRows = 512 });

        Assert.True(result.MacsRatio <= budget, $"kept {result.MacsRatio:0.000} of the MACs");
        Assert.True(result.MacsRatio > budget - 0.15, $"kept only {result.MacsRatio:0.000} of the MACs");
        var inferred = ShapeInference.Run(model.Graph, 1);
        Assert.Empty(inferred.Problems);
        Assert.Equal(result.MacsAfter, inferred.Macs);
        Assert.Empty(ModelValidator.Validate(model));
        var logits = SmallNetworks.Run(model, images);
        Assert.Equal(16 * 4, logits.Length);
        Assert.All(logits, v => Assert.True(float.IsFinite(v)));
    }

    /// <summary>A uniform pf prunes every group, the residual stream (tied through the Add) included, as channel does.</summary>
    [Fact]
    public void PruneInPlace_Factor_PrunesEveryGroupToChannelsCountsAndKeepsTheModelValid()
    {
        var model = SmallNetworks.Residual();
        var images = SmallNetworks.Images(16);

        var result = ChannelLsPruner.PruneInPlace(model, images, new ChannelLsOptions { Factor = PruningFactor.Of(0.5), SampledRows = 512 });

        Assert.Equal([ChannelGroupKind.Residual, ChannelGroupKind.Single], result.Groups.Select(g => g.Kind));
        Assert.All(result.Groups, g => Assert.Equal(ChannelPruner.ChannelsToKeep(0.5, g.ChannelsBefore), g.ChannelsAfter));
        Assert.Empty(ModelValidator.Validate(model));
        Assert.Empty(ShapeInference.Run(model.Graph, 1).Problems);
        Assert.All(SmallNetworks.Run(model, images), v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void PruneInPlace_SameInputs_GiveTheSameModel()
    {
        var images = SmallNetworks.Images(16);
        var options = new ChannelLsOptions { Budget = MacsBudget.Of(0.5), SampledRows = 512 };
        var a = SmallNetworks.Residual();
        var b = SmallNetworks.Residual();

        ChannelLsPruner.PruneInPlace(a, images, options);
        ChannelLsPruner.PruneInPlace(b, images, options);

        Assert.Equal(a.ToByteArray(), b.ToByteArray());
    }

    [Fact]
    public void Validated_NeitherFactorNorBudget_IsOneInputErrorListingEveryProblem()
    {
        var ex = Assert.Throws<EdgeInferInputException>(() => new ChannelLsOptions { ChannelMultiple = 0, Ridge = -1 }.Validated());
        Assert.Contains("exactly one of", ex.Message, StringComparison.Ordinal);
        Assert.Contains("channel multiple", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ridge", ex.Message, StringComparison.Ordinal);
    }

    private static List<float[]> ConvParametersOf(ModelProto model, string name, int perRow)
    {
        var values = ConvParameters.Read(model.Graph.Initializer.Single(t => t.Name == name));
        return [.. Enumerable.Range(0, values.Length / perRow).Select(r => values[(r * perRow)..((r + 1) * perRow)])];
    }
}
