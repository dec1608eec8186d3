using EdgeInfer.Models.Building;
using EdgeInfer.Models.Inspection;

namespace EdgeInfer.Models.Tests.Building;

public sealed class TinyNetworkTests
{
    [Fact]
    public void Build_FollowsTheCatalogContract_WithItsHandCountedParameters()
    {
        var model = TinyNetwork.Build();
        Assert.Equal(ModelSpecs.InputName, model.Graph.Input[0].Name);
        Assert.Equal(ModelSpecs.OutputName, model.Graph.Output[0].Name);
        // Convs without bias: 3·8·3·3 = 216, depthwise 8·1·3·3 = 72, pointwise 8·8 = 64; three batch norms, scale + bias
        // 2·8 = 16 each (running statistics are not parameters); fc 16·1000 + 1000 = 17,000. Total 17,400.
        Assert.Equal(17_400, ParameterCounter.Count(model.Graph));
        Assert.Equal(
            ["AveragePool", "BatchNormalization", "Concat", "Conv", "Flatten", "Gemm", "GlobalAveragePool", "MaxPool", "Relu", "Sum/Add"],
            model.Graph.Node.Select(n => n.OpType == "Add" ? "Sum/Add" : n.OpType).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(model.Graph.Node, n => n.OpType == "Conv" && n.Attribute.Any(a => a.Name == "group" && a.I == 8));
    }
}
