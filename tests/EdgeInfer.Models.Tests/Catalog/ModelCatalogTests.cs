using EdgeInfer.Core;
using EdgeInfer.Models.Catalog;
using EdgeInfer.Models.Inspection;

namespace EdgeInfer.Models.Tests.Catalog;

public sealed class ModelCatalogTests
{
    [Theory]
    [InlineData("resnet152", 60_192_808L)]
    [InlineData("densenet201", 20_013_928L)]
    [InlineData("mobilenet", 4_231_976L)]
    public void BuildShapeOnly_CatalogModel_HasReferenceParameterCount(string name, long expected)
    {
        var model = ModelCatalog.Find(name).BuildShapeOnly();

        Assert.Equal(expected, ParameterCounter.Count(model.Graph));
        Assert.Equal(expected, ModelCatalog.Find(name).Parameters);
    }

    [Theory]
    [InlineData("resnet152", 11.5e9, 0.02)]
    [InlineData("densenet201", 4.3e9, 0.02)]
    [InlineData("mobilenet", 0.569e9, 0.01)]
    public void BuildShapeOnly_CatalogModel_MacsMatchPublishedFigures(string name, double expected, double relativeTolerance)
    {
        var result = ShapeInference.Run(ModelCatalog.Find(name).BuildShapeOnly().Graph);

        Assert.Empty(result.Problems);
        Assert.NotNull(result.Macs);
        Assert.InRange((double)result.Macs!.Value, expected * (1 - relativeTolerance), expected * (1 + relativeTolerance));
    }

    [Theory]
    [InlineData("resnet152")]
    [InlineData("densenet201")]
    [InlineData("mobilenet")]
    public void BuildShapeOnly_CatalogModel_LogitsAreBatchBy1000(string name)
    {
        var result = ShapeInference.Run(ModelCatalog.Find(name).BuildShapeOnly().Graph, batchSize: 3);

        Assert.Equal(new long[] { 3, 1000 }, result.ShapeOf(ModelSpecs.OutputName)!);
    }

    [Theory]
    [InlineData("mobilenet-v1", "mobilenet")]
    [InlineData("MOBILENET", "mobilenet")]
    [InlineData("resnet-152", "resnet152")]
    public void Find_Alias_ReturnsCanonicalModel(string alias, string canonical) =>
        Assert.Equal(canonical, ModelCatalog.Find(alias).Name);

    [Fact]
    public void Find_UnknownName_ThrowsListingKnownNames()
    {
        var ex = Assert.Throws<EdgeInferInputException>(() => ModelCatalog.Find("vgg16"));

        Assert.Contains("vgg16", ex.Message, StringComparison.Ordinal);
        Assert.Contains("resnet152", ex.Message, StringComparison.Ordinal);
    }
}
