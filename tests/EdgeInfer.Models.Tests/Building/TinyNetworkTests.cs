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
        // conv 3·8·3·3 = 216 (no bias), batch norm scale + bias 2·8 = 16 (running statistics are not parameters), fc 8·1000 + 1000 = 9000: 9232.
        Assert.Equal(9232, ParameterCounter.Count(model.Graph));
        Assert.Equal(["Conv", "BatchNormalization", "Relu", "GlobalAveragePool", "Flatten", "Gemm"], model.Graph.Node.Select(n => n.OpType));
    }
}
