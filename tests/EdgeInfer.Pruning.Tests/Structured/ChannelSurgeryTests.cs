using EdgeInfer.Models.Inspection;
using EdgeInfer.Pruning.Structured;
using EdgeInfer.Pruning.Tests.Support;
using Onnx;

namespace EdgeInfer.Pruning.Tests.Structured;

public sealed class ChannelSurgeryTests
{
    /// <summary>Removed channels are exactly zero, so only float reassociation in ORT's smaller kernels may differ.</summary>
    private const float Tolerance = 1e-5f;

    public static TheoryData<string> Models() => ["residual", "concat", "resnet", "densenet", "mobilenet"];

    [Theory]
    [MemberData(nameof(Models))]
    public void Apply_ZeroedChannelsRemoved_ModelValidAndOutputUnchanged(string name)
    {
        var model = Model(name);
        var groups = ChannelDependencyGraph.Find(model);
        var selection = groups.Select(g => (Group: g, Removed: ChannelZeroing.Removed(g))).ToList();
        ChannelZeroing.Zero(model, selection);
        var expected = Ort.Run(model);
        var parameters = ParameterCounter.Count(model.Graph);

        ChannelSurgery.Apply(model, [.. selection.Select(s => (s.Group, ChannelZeroing.Keep(s.Group, s.Removed)))]);

        Assert.Empty(ModelValidator.Validate(model));
        Assert.True(ParameterCounter.Count(model.Graph) < parameters);
        var actual = Ort.Run(model);
        Assert.Equal(expected.Length, actual.Length);
        Assert.All(expected.Zip(actual), p => Assert.True(Math.Abs(p.First - p.Second) <= Tolerance, $"{p.First} vs {p.Second}"));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Apply_EveryChannelKept_OutputBitIdentical(string name)
    {
        var model = Model(name);
        var expected = Ort.Run(model);

        ChannelSurgery.Apply(model, [.. ChannelDependencyGraph.Find(model).Select(g => (g, Enumerable.Range(0, g.Channels).ToArray()))]);

        Assert.Equal(expected, Ort.Run(model));
    }

    [Fact]
    public void Apply_PrunedTwiceWithDifferentSelections_GroupsFoundAgainAndModelRuns()
    {
        var model = CoupledModels.Concat();
        var first = ChannelDependencyGraph.Find(model);
        ChannelSurgery.Apply(model, [.. first.Select(g => (g, Enumerable.Range(0, g.Channels).Where(c => c % 2 == 0).ToArray()))]);

        var second = ChannelDependencyGraph.Find(model);
        Assert.Equal(first.Select(g => (g.Id, g.Kind, (g.Channels + 1) / 2)), second.Select(g => (g.Id, g.Kind, g.Channels)));
        ChannelSurgery.Apply(model, [.. second.Select(g => (g, new[] { g.Channels - 1 }))]);

        Assert.Empty(ModelValidator.Validate(model));
        Assert.All(ChannelDependencyGraph.Find(model), g => Assert.Equal(1, g.Channels));
        Assert.Equal(10, Ort.Run(model).Length);
    }

    [Fact]
    public void Apply_OnACopy_ResolvesTensorsByName()
    {
        var model = CoupledModels.Residual();
        var copy = model.Clone();
        var group = Assert.Single(ChannelDependencyGraph.Find(model));

        ChannelSurgery.Apply(copy, [(group, [0, 5, 15])]);

        Assert.Equal(16, group.Slices[0].Tensor.Dims[0]); // the original is untouched
        Assert.Equal(3, ChannelDependencyGraph.Find(copy).Single().Channels);
        Assert.Empty(ModelValidator.Validate(copy));
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 3, 1 })]
    [InlineData(new[] { 1, 1 })]
    [InlineData(new[] { 16 })]
    [InlineData(new[] { -1, 2 })]
    public void Apply_InvalidKeep_Rejected(int[] keep)
    {
        var model = CoupledModels.Residual();
        var group = ChannelDependencyGraph.Find(model).Single();
        Assert.Throws<ArgumentException>(() => ChannelSurgery.Apply(model, [(group, keep)]));
    }

    [Fact]
    public void Apply_GroupsOfTheUnprunedModelOnThePrunedOne_Rejected()
    {
        var model = CoupledModels.Residual();
        var group = ChannelDependencyGraph.Find(model).Single();
        ChannelSurgery.Apply(model, [(group, [0, 1, 2, 3])]);

        Assert.Throws<ArgumentException>(() => ChannelSurgery.Apply(model, [(group, [0, 1])]));
    }

    private static ModelProto Model(string name) => name switch
    {
        "residual" => CoupledModels.Residual(),
        "concat" => CoupledModels.Concat(),
        "resnet" => TestModels.ResNetLike(),
        "densenet" => TestModels.DenseNetLike(),
        _ => TestModels.MobileNetLike(),
    };
}
