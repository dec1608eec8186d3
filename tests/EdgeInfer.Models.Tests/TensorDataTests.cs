using CsCheck;
using Onnx;

namespace EdgeInfer.Models.Tests;

public sealed class TensorDataTests
{
    [Fact]
    public void ReadFloats_FloatDataAndRawData_GiveSameValues()
    {
        var raw = TinyModels.Create(floatData: false).Graph.Initializer[0];
        var typed = TinyModels.Create(floatData: true).Graph.Initializer[0];

        Assert.False(raw.RawData.IsEmpty);
        Assert.NotEmpty(typed.FloatData);
        Assert.Equal(TensorData.ReadFloats(typed), TensorData.ReadFloats(raw));
    }

    [Fact]
    public void WriteFloats_FloatDataTensor_MovesValuesToRawData()
    {
        var t = TinyModels.Create(floatData: true).Graph.Initializer[0];
        var values = TensorData.ReadFloats(t).Select(v => v * 2).ToArray();

        TensorData.WriteFloats(t, values);

        Assert.Empty(t.FloatData);
        Assert.Equal(values.Length * 4, t.RawData.Length);
        Assert.Equal(values, TensorData.ReadFloats(t));
    }

    [Fact]
    public void ReadFloats_WrongCount_ThrowsNamingTensor()
    {
        var t = new TensorProto { Name = "w", DataType = (int)TensorProto.Types.DataType.Float };
        t.Dims.Add(4);
        t.FloatData.AddRange([1f, 2f]);

        var ex = Assert.Throws<InvalidDataException>(() => TensorData.ReadFloats(t));

        Assert.Contains("'w'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteFloats_WrongLength_Throws()
    {
        var t = new TensorProto { Name = "w", DataType = (int)TensorProto.Types.DataType.Float };
        t.Dims.Add(4);

        Assert.Throws<ArgumentException>(() => TensorData.WriteFloats(t, new float[3]));
    }

    [Fact]
    public void WriteFloats_ThenRead_RoundTripsAnyValues()
    {
        Gen.Single.Array[0, 200].Sample(values =>
        {
            var t = new TensorProto { Name = "t", DataType = (int)TensorProto.Types.DataType.Float };
            t.Dims.Add(values.Length);
            t.FloatData.AddRange(values);
            var fromTyped = TensorData.ReadFloats(t);

            TensorData.WriteFloats(t, values);

            Assert.Equal(values.Length * 4, t.RawData.Length);
            Assert.Equal(values.Select(BitConverter.SingleToInt32Bits), TensorData.ReadFloats(t).Select(BitConverter.SingleToInt32Bits));
            Assert.Equal(values.Select(BitConverter.SingleToInt32Bits), fromTyped.Select(BitConverter.SingleToInt32Bits));
        });
    }
}
