using EdgeInfer.Models.Inspection;
using EdgeInfer.Pruning.Structured;
using EdgeInfer.Pruning.Tests.Support;

namespace EdgeInfer.Pruning.Tests.Structured;

/// <summary>Channel surgery on the real networks (residual and concat groups included), run in ONNX Runtime at 64×64.</summary>
public sealed class CatalogChannelSurgeryTests(CatalogNetworksFixture networks) : IClassFixture<CatalogNetworksFixture>
{
    public static TheoryData<string> Networks() => ["resnet152", "densenet201", "mobilenet", "tiny"];

    [Theory]
    [MemberData(nameof(Networks))]
    public void Apply_ZeroedChannelsRemoved_ModelValidAndOutputUnchanged(string name)
    {
        var model = networks.Copy(name);
        var groups = ChannelDependencyGraph.Find(model);
        var selection = groups.Select(g => (Group: g, Removed: ChannelZeroing.Removed(g))).ToList();
        ChannelZeroing.Zero(model, selection);
        var shape = Ort.OutputShape(model);
        var expected = Ort.Run(model);

        ChannelSurgery.Apply(model, [.. selection.Select(s => (s.Group, ChannelZeroing.Keep(s.Group, s.Removed)))]);

        Assert.Empty(ModelValidator.Validate(model));
        Assert.Empty(ShapeInference.Run(model.Graph).Problems);
        Assert.Equal(shape, Ort.OutputShape(model));
        var actual = Ort.Run(model);
        var scale = Math.Max(1f, expected.Max(Math.Abs));
        Assert.All(expected.Zip(actual), p => Assert.True(Math.Abs(p.First - p.Second) <= 1e-5f * scale, $"{p.First} vs {p.Second} (scale {scale})"));
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Apply_EveryChannelKept_OutputBitIdentical(string name)
    {
        var model = networks.Copy(name);
        var expected = Ort.Run(model);

        ChannelSurgery.Apply(model, [.. ChannelDependencyGraph.Find(model).Select(g => (g, Enumerable.Range(0, g.Channels).ToArray()))]);

        Assert.Equal(expected, Ort.Run(model));
    }

    [Theory]
    [InlineData("resnet152")]
    [InlineData("densenet201")]
    public void PruneInPlace_ResidualAndConcatGroups_RemoveMoreMacsThanSingleGroupsAlone(string name)
    {
        var model = networks.Copy(name);
        var singlesOnly = model.Clone();
        var shape = Ort.OutputShape(model);
        var half = ChannelDependencyGraph.Find(singlesOnly).Where(g => g.Kind == ChannelGroupKind.Single)
            .Select(g => (g, Enumerable.Range(0, ChannelPruner.ChannelsToKeep(0.5, g.Channels)).ToArray()));
        ChannelSurgery.Apply(singlesOnly, [.. half]);

        var result = ChannelPruner.PruneInPlace(model, 0.5);

        Assert.Empty(ModelValidator.Validate(model));
        Assert.Contains(result.Layers, l => l.ChannelsBefore >= 256); // residual streams / transition outputs
        var macs = ShapeInference.Run(model.Graph).Macs!.Value;
        Assert.True(macs < ShapeInference.Run(singlesOnly.Graph).Macs!.Value, $"{macs}");
        Assert.Equal(shape, Ort.OutputShape(model));
        Assert.All(Ort.Run(model), v => Assert.True(float.IsFinite(v)));
    }
}
