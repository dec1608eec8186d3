using EdgeInfer.Compression.Graph;
using EdgeInfer.Compression.Tests.Support;
using EdgeInfer.Core;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace EdgeInfer.Compression.Tests.Graph;

public sealed class OpsetUpgradeTests
{
    /// <summary>Opset 8: Conv → BatchNormalization (spatial = 1) → Dropout (ratio attribute) → Relu, as old exporters wrote them.</summary>
    private static ModelProto Opset8Model()
    {
        var graph = TestGraphs.Graph("old", TestGraphs.Info("x", 1, 2, 4, 4), TestGraphs.Info("y", 1, 3, 4, 4));
        var random = new Random(3);
        var w = TestGraphs.Initializer(graph, "w", [3, 2, 3, 3], TestGraphs.Uniform(random, 54, -1, 1));
        TestGraphs.Node(graph, "Conv", ["x", w], "c", TestGraphs.Ints("pads", 1, 1, 1, 1), TestGraphs.Ints("kernel_shape", 3, 3));
        TestGraphs.Node(graph, "BatchNormalization", [
            "c",
            TestGraphs.Initializer(graph, "g", [3], [1, 2, 0.5f]), TestGraphs.Initializer(graph, "b", [3], [0, 1, -1]),
            TestGraphs.Initializer(graph, "m", [3], [0.1f, 0, 0.3f]), TestGraphs.Initializer(graph, "v", [3], [1, 2, 0.5f]),
        ], "n", TestGraphs.Int("spatial", 1), TestGraphs.Float("epsilon", 1e-5f));
        TestGraphs.Node(graph, "Dropout", ["n"], "d", TestGraphs.Float("ratio", 0.5f));
        TestGraphs.Node(graph, "Relu", ["d"], "y");
        return TestGraphs.Model(graph, opset: 8, irVersion: 3);
    }

    [Fact]
    public void RaiseInPlace_Opset8WithSpatialAndDropout_Opset13WithTheSameOutputs()
    {
        var model = Opset8Model();
        var input = TestGraphs.Uniform(new Random(1), 32, -1, 1);
        var expected = TestGraphs.Run(model, input, [1, 2, 4, 4], GraphOptimizationLevel.ORT_DISABLE_ALL);

        var before = OpsetUpgrade.RaiseInPlace(model, 13);

        Assert.Equal(8, before);
        Assert.Equal(13, OpsetUpgrade.DefaultOpset(model));
        Assert.Equal(7, model.IrVersion);
        Assert.DoesNotContain(model.Graph.Node, n => n.OpType == "Dropout");
        Assert.DoesNotContain(model.Graph.Node.SelectMany(n => n.Attribute), a => a.Name == "spatial");
        Assert.Equal(expected, TestGraphs.Run(model, input, [1, 2, 4, 4], GraphOptimizationLevel.ORT_DISABLE_ALL));
    }

    [Fact]
    public void RaiseInPlace_AlreadyThere_ChangesNothing()
    {
        var model = Opset8Model();
        var before = model.Clone();
        Assert.Equal(8, OpsetUpgrade.RaiseInPlace(model, 8));
        Assert.Equal(before, model);
    }

    [Fact]
    public void RaiseInPlace_AnOperatorThatChangedMeaning_IsRefusedNamingIt()
    {
        var graph = TestGraphs.Graph("clip", TestGraphs.Info("x", 1, 2), TestGraphs.Info("y", 1, 2));
        TestGraphs.Node(graph, "Clip", ["x"], "y", TestGraphs.Float("min", 0), TestGraphs.Float("max", 6));
        var model = TestGraphs.Model(graph, opset: 10);

        var ex = Assert.Throws<EdgeInferInputException>(() => OpsetUpgrade.RaiseInPlace(model, 13));

        Assert.Contains("Clip", ex.Message, StringComparison.Ordinal);
        Assert.Equal(10, OpsetUpgrade.DefaultOpset(model));
    }
}
