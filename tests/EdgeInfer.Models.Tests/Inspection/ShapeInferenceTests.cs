using EdgeInfer.Models.Inspection;

namespace EdgeInfer.Models.Tests.Inspection;

public sealed class ShapeInferenceTests
{
    [Fact]
    public void Run_TinyModel_MacsEqualHandCount()
    {
        var result = ShapeInference.Run(TinyModels.Create().Graph);

        Assert.Empty(result.Problems);
        Assert.Equal(TinyModels.Macs, result.Macs);
        Assert.Equal(new long[] { 1, 8, 8, 8 }, result.ShapeOf("c")!);
        Assert.Equal(new long[] { 1, 10 }, result.ShapeOf("y")!);
    }

    [Fact]
    public void Run_BatchSize4_ScalesMacsLinearly()
    {
        var one = ShapeInference.Run(TinyModels.Create().Graph).Macs;
        var four = ShapeInference.Run(TinyModels.Create().Graph, batchSize: 4).Macs;

        Assert.Equal(4 * one, four);
    }

    [Fact]
    public void Run_SymbolicSpatialDims_MacsUnknown()
    {
        var model = TinyModels.Create();
        model.Graph.Input[0].Type.TensorType.Shape.Dim[2].DimParam = "height";

        var result = ShapeInference.Run(model.Graph);

        Assert.Null(result.Macs);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Run_UnknownOperatorUpstream_MacsUnknownNoProblem()
    {
        var model = TinyModels.Create();
        model.Graph.Node[2].OpType = "SomeCustomOp";

        var result = ShapeInference.Run(model.Graph);

        Assert.Null(result.Macs);
        Assert.Null(result.ShapeOf("y"));
    }

    [Theory]
    [InlineData(new long[] { 2, 3, 4 }, new long[] { 4 }, new long[] { 2, 3, 4 })]
    [InlineData(new long[] { 2, 1, 4 }, new long[] { 3, 1 }, new long[] { 2, 3, 4 })]
    public void Run_Add_Broadcasts(long[] a, long[] b, long[] expected)
    {
        var graph = new Onnx.GraphProto();
        graph.Initializer.Add(Shaped("a", a));
        graph.Initializer.Add(Shaped("b", b));
        var node = new Onnx.NodeProto { OpType = "Add", Name = "s" };
        node.Input.AddRange(["a", "b"]);
        node.Output.Add("s");
        graph.Node.Add(node);

        Assert.Equal(expected, ShapeInference.Run(graph).ShapeOf("s")!);
    }

    private static Onnx.TensorProto Shaped(string name, long[] dims)
    {
        var t = new Onnx.TensorProto { Name = name, DataType = 1 };
        t.Dims.AddRange(dims);
        return t;
    }
}
