using EdgeInfer.Models.Catalog;
using EdgeInfer.Models.Inspection;
using Onnx;

namespace EdgeInfer.Models.Tests.Inspection;

public sealed class ModelValidatorTests
{
    [Theory]
    [InlineData("resnet152")]
    [InlineData("densenet201")]
    [InlineData("mobilenet")]
    public void Validate_CatalogGraph_HasNoProblems(string name)
    {
        var model = ModelCatalog.Find(name).BuildShapeOnly();

        Assert.Empty(ModelValidator.Validate(model, allowShapeOnly: true));
    }

    [Theory]
    [InlineData("resnet152", 155, 155)]
    [InlineData("densenet201", 200, 201)]
    [InlineData("mobilenet", 27, 27)]
    public void BuildShapeOnly_CatalogGraph_ConvsHaveNoBiasAndBatchNormsAreSeparateNodes(string name, int convs, int batchNorms)
    {
        var graph = ModelCatalog.Find(name).BuildShapeOnly().Graph;

        var convNodes = graph.Node.Where(n => n.OpType == "Conv").ToList();
        Assert.Equal(convs, convNodes.Count);
        Assert.Equal(batchNorms, graph.Node.Count(n => n.OpType == "BatchNormalization"));
        Assert.All(convNodes, c => Assert.Equal(2, c.Input.Count));
        if (name != "densenet201")
        {
            // Post-activation networks: each conv feeds its own BatchNormalization directly.
            Assert.All(convNodes, c => Assert.Contains(graph.Node, n => n.OpType == "BatchNormalization" && n.Input[0] == c.Output[0]));
        }
    }

    [Fact]
    public void Validate_UndefinedNodeInput_IsReported()
    {
        var model = TinyModels.Create();
        model.Graph.Node[2].Input[0] = "missing";

        var problems = ModelValidator.Validate(model);

        Assert.Contains(problems, p => p.Contains("'missing'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ConvChannelMismatch_IsReported()
    {
        var model = TinyModels.Create(inputChannels: 4);

        var problems = ModelValidator.Validate(model);

        Assert.Contains(problems, p => p.Contains("channels", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_RawDataShorterThanDims_IsReported()
    {
        var model = TinyModels.Create();
        var t = model.Graph.Initializer[0];
        t.RawData = Google.Protobuf.ByteString.CopyFrom(t.RawData.Span[..100]);

        var problems = ModelValidator.Validate(model);

        Assert.Contains(problems, p => p.Contains("conv.w", StringComparison.Ordinal) && p.Contains("raw_data", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NoGraph_IsReported() =>
        Assert.Contains("it has no graph", ModelValidator.Validate(new ModelProto { IrVersion = 7 }));
}
