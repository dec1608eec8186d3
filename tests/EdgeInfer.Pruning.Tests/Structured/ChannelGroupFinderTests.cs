using EdgeInfer.Models.Catalog;
using EdgeInfer.Pruning.Structured;
using EdgeInfer.Pruning.Tests.Support;

namespace EdgeInfer.Pruning.Tests.Structured;

public sealed class ChannelGroupFinderTests
{
    [Theory]
    [InlineData("resnet152", 100, 0)] // 50 bottlenecks × (conv1, conv2); conv3 and projections feed Add
    [InlineData("densenet201", 98, 0)] // 6 + 12 + 48 + 32 dense layers × the 1×1 conv; the 3×3 feeds Concat
    [InlineData("mobilenet", 13, 13)] // stem + pointwise 1–12, each with the following depthwise; pointwise 13 feeds the pool
    public void Find_CatalogNetworks_RecognisesExactlyTheSafePatterns(string name, int groups, int withDepthwise)
    {
        var model = ModelCatalog.Find(name).BuildShapeOnly();

        var found = ChannelGroupFinder.Find(new GraphIndex(model.Graph));

        Assert.Equal(groups, found.Count);
        Assert.Equal(withDepthwise, found.Count(g => g.Depthwise.Count > 0));
        Assert.All(found, g => Assert.NotEmpty(g.Axis1)); // every group shrinks some consumer's input channels
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
}
