using EdgeInfer.Core;
using EdgeInfer.Pruning.IO;
using EdgeInfer.Pruning.Tests.Support;
using Google.Protobuf;
using Onnx;

namespace EdgeInfer.Pruning.Tests.IO;

public sealed class ZeroCopyModelTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TryIndex_BuilderModel_SkeletonPlusDataIsTheModel(bool floatData)
    {
        var model = TestModels.MobileNetLike(floatData: floatData);
        var bytes = model.ToByteArray();

        var indexed = ZeroCopyModel.TryIndex(bytes);

        Assert.NotNull(indexed);
        Assert.Equal(model.Graph.Initializer.Count, indexed.Data.Count);
        var rebuilt = indexed.Skeleton.Clone();
        foreach (var (index, data) in indexed.Data)
        {
            Assert.True(rebuilt.Graph.Initializer[index].RawData.IsEmpty && rebuilt.Graph.Initializer[index].FloatData.Count == 0);
            FloatTensor.Replace(rebuilt.Graph.Initializer[index], data.ToArray(), floatData);
        }

        Assert.Equal(model, rebuilt);
    }

    [Fact]
    public void TryIndex_UnpackedFloatData_FallsBackToParsing()
    {
        var tensor = new TensorProto { Name = "w", DataType = 1 };
        tensor.Dims.Add(2);
        var graph = new GraphProto { Name = "g" };
        graph.Initializer.Add(tensor);
        // Append an unpacked float_data entry (field 4, wire type 5) inside the tensor: rebuild by hand.
        var tensorBytes = tensor.ToByteArray().Concat(new byte[] { (4 << 3) | 5, 0, 0, 128, 63 }).ToArray();
        var graphBytes = new byte[] { (5 << 3) | 2, (byte)tensorBytes.Length }.Concat(tensorBytes).ToArray();
        var modelBytes = new byte[] { (7 << 3) | 2, (byte)graphBytes.Length }.Concat(graphBytes).ToArray();
        Assert.Single(ModelProto.Parser.ParseFrom(modelBytes).Graph.Initializer[0].FloatData);

        Assert.Null(ZeroCopyModel.TryIndex(modelBytes));
    }

    [Fact]
    public void TryIndex_Garbage_RejectedAsMalformed()
    {
        var ex = Assert.Throws<EdgeInferInputException>(() => ZeroCopyModel.TryIndex("not a model at all"u8.ToArray()));
        Assert.Contains("Malformed", ex.Message);
    }
}
