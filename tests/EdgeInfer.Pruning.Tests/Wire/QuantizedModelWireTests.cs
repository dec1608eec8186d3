using EdgeInfer.Models.Inspection;
using EdgeInfer.Pruning.Analysis;
using EdgeInfer.Pruning.Tests.Support;
using EdgeInfer.Pruning.Wire;
using Onnx;

namespace EdgeInfer.Pruning.Tests.Wire;

/// <summary>
/// Quantized (QDQ) models in every download form: the wire format and the COO export touch FLOAT initializers only, so
/// INT8/INT32 tensors pass through unchanged next to bitmask-encoded floats.
/// </summary>
public sealed class QuantizedModelWireTests
{
    private static readonly TensorProto.Types.DataType[] IntegerTypes =
        [TensorProto.Types.DataType.Int8, TensorProto.Types.DataType.Int32, TensorProto.Types.DataType.Uint8];

    [Theory]
    [InlineData(WireCompression.Brotli)]
    [InlineData(WireCompression.None)]
    public void Decode_EncodedQdqModel_IsBitIdenticalAndOrtGivesTheSameScores(WireCompression compression)
    {
        var model = QdqModel.Build();

        var decoded = WireCodec.Decode(WireCodec.Encode(model, new WireOptions(compression)));

        Assert.Empty(ModelValidator.Validate(decoded));
        Assert.Equal(model.Graph.Initializer.Count, decoded.Graph.Initializer.Count);
        foreach (var original in model.Graph.Initializer)
        {
            var copy = decoded.Graph.Initializer.Single(t => t.Name == original.Name);
            Assert.Equal(original.DataType, copy.DataType);
            Assert.Equal(original.Dims, copy.Dims);
            Assert.Equal(Bytes(original), Bytes(copy));
        }

        Assert.Equal(Ort.Run(model), Ort.Run(decoded));
    }

    [Fact]
    public void Encode_QdqModelWithASparseFloatTensor_IsSmallerThanTheModel()
    {
        var model = QdqModel.Build();

        var wire = WireCodec.Encode(model, new WireOptions(WireCompression.None));

        // The 70 %-zero Gemm weight is bitmask-encoded (10 + 96 bytes instead of 320); the integers stay as they are.
        Assert.True(wire.Length < model.CalculateSize() + 64, $"{wire.Length} B wire for a {model.CalculateSize()} B model");
    }

    [Fact]
    public void ToCoo_QdqModel_KeepsIntegerTensorsDenseMovesTheSparseFloatOneAndOrtAgrees()
    {
        var model = QdqModel.Build();

        var coo = SparseOnnxExporter.ToCoo(model);

        Assert.Equal(["fc_w"], coo.Graph.SparseInitializer.Select(s => s.Values.Name));
        foreach (var tensor in model.Graph.Initializer.Where(t => IntegerTypes.Contains((TensorProto.Types.DataType)t.DataType)))
        {
            Assert.Equal(tensor.RawData, coo.Graph.Initializer.Single(t => t.Name == tensor.Name).RawData);
        }

        Assert.Equal(Ort.Run(model), Ort.Run(coo));
    }

    [Fact]
    public void Statistics_QdqModel_CountsDequantizedIntegerWeightsAndTheConvMacs()
    {
        var statistics = ModelStatistics.Of(QdqModel.Build());

        // 216 int8 weights + 8 int32 biases + the Gemm's 90 floats; scales and zero points are not parameters.
        Assert.Equal(QdqModel.Parameters, statistics.Parameters);
        // Zeros are counted in float tensors: 56 of the Gemm weight's 80 and its first bias.
        Assert.Equal(QdqModel.Parameters - 57, statistics.NonZeroParameters);
        Assert.Equal(QdqModel.Macs, statistics.Macs);
    }

    private static byte[] Bytes(TensorProto tensor) => tensor.RawData.ToByteArray();
}
