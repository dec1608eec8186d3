using System.Buffers.Binary;
using CsCheck;
using EdgeInfer.Core;
using EdgeInfer.Pruning.Tests.Support;
using EdgeInfer.Pruning.Unstructured;
using EdgeInfer.Pruning.Wire;
using Google.Protobuf;
using Onnx;

namespace EdgeInfer.Pruning.Tests.Wire;

public sealed class WireCodecTests
{
    private static readonly Lazy<(ModelProto Model, byte[] Wire)> Pruned = new(() =>
    {
        var model = TestModels.ResNetLike();
        MagnitudePruner.PruneInPlace(model, new MagnitudePruningOptions(0.7));
        return (model, WireCodec.Encode(model));
    });

    public static TheoryData<WireCompression, bool, bool> Variants() => new()
    {
        { WireCompression.None, false, false }, { WireCompression.None, true, false }, { WireCompression.Brotli, true, false },
        { WireCompression.Brotli, false, true }, { WireCompression.Deflate, true, false }, { WireCompression.Deflate, true, true },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Decode_EncodedPrunedModel_BitIdenticalModelAndOrtOutputs(WireCompression compression, bool shuffle, bool floatData)
    {
        var model = TestModels.MobileNetLike(floatData: floatData);
        MagnitudePruner.PruneInPlace(model, new MagnitudePruningOptions(0.7));
        var bias = model.Graph.Initializer[^1]; // −0.0 must survive as a value, not become +0.0
        if (floatData)
        {
            bias.FloatData[0] = -0f;
        }
        else
        {
            bias.RawData = ByteString.CopyFrom(BitConverter.GetBytes(-0f).Concat(bias.RawData.Skip(4)).ToArray());
        }

        var wire = WireCodec.Encode(model, new WireOptions(compression, ShuffleBytePlanes: shuffle));
        var decoded = WireCodec.Decode(wire);

        Assert.Equal(model, decoded);
        Assert.Equal(Bits(Ort.Run(model)), Bits(Ort.Run(decoded)));
        Assert.True(wire.Length < model.CalculateSize(), $"wire {wire.Length} >= dense {model.CalculateSize()}");
    }

    [Fact]
    public void Decode_DenseModel_RoundTripsUnchanged()
    {
        var model = TestModels.DenseNetLike();
        Assert.Equal(model, WireCodec.Decode(WireCodec.Encode(model)));
    }

    [Fact]
    public void Decode_NotAWireFile_RejectedByMagic()
    {
        var ex = Assert.Throws<EdgeInferInputException>(() => WireCodec.Decode(TestModels.ResNetLike().ToByteArray(), "model.onnx"));
        Assert.Contains("not an EdgeInfer wire file", ex.Message);
    }

    [Fact]
    public void Decode_WrongVersion_RejectedNamingTheVersion()
    {
        var wire = (byte[])Pruned.Value.Wire.Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(wire.AsSpan(4), 7);
        var ex = Assert.Throws<EdgeInferInputException>(() => WireCodec.Decode(wire));
        Assert.Contains("version 7", ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(20)]
    [InlineData(32)]
    [InlineData(1000)]
    [InlineData(-1)]
    public void Decode_Truncated_RejectedAsTruncatedOrNotWire(int keep)
    {
        var wire = Pruned.Value.Wire;
        var cut = wire.AsSpan(0, keep >= 0 ? keep : wire.Length + keep).ToArray();
        var ex = Assert.Throws<EdgeInferInputException>(() => WireCodec.Decode(cut));
        Assert.Matches("truncated|not an EdgeInfer wire file", ex.Message);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(24)]
    [InlineData(40)]
    [InlineData(-1)]
    public void Decode_FlippedByte_RejectedByChecksumOrLength(int offset)
    {
        var wire = (byte[])Pruned.Value.Wire.Clone();
        wire[offset >= 0 ? offset : wire.Length + offset] ^= 0x40;
        var ex = Assert.Throws<EdgeInferInputException>(() => WireCodec.Decode(wire));
        Assert.Matches("corrupted|truncated|unexpected bytes|announces", ex.Message);
    }

    [Fact]
    public void Decode_CorruptedPayloadWithValidChecksum_RejectedByStructureChecks()
    {
        var model = Pruned.Value.Model;
        var wire = WireCodec.Encode(model, new WireOptions(WireCompression.None, ShuffleBytePlanes: false));
        var rejected = 0;
        foreach (var offset in new[] { 32, 34, 36, wire.Length / 2, wire.Length - 100, wire.Length - 2 })
        {
            var copy = (byte[])wire.Clone();
            copy[offset] ^= 0xFF;
            Rehash(copy);
            try
            {
                var decoded = WireCodec.Decode(copy);
                Assert.NotEqual(model, decoded); // a value byte changed: decodes, but never into the original silently
            }
            catch (EdgeInferInputException)
            {
                rejected++;
            }
        }

        Assert.True(rejected >= 3, $"only {rejected} structural corruptions rejected");
    }

    [Fact]
    public void Decode_RandomDamage_OnlyEverEdgeInferInputException()
    {
        var wire = Pruned.Value.Wire;
        Gen.Select(Gen.Int[0, wire.Length - 1], Gen.Byte[1, 255], Gen.Bool).Sample(
            (offset, xor, truncate) =>
            {
                var copy = truncate ? wire.AsSpan(0, offset).ToArray() : (byte[])wire.Clone();
                if (!truncate)
                {
                    copy[offset] ^= xor;
                }

                Assert.Throws<EdgeInferInputException>(() => WireCodec.Decode(copy));
            },
            iter: 200);
    }

    [Fact]
    public void ToCoo_PrunedModel_OrtLoadsItWithIdenticalOutputs()
    {
        var model = Pruned.Value.Model;
        var coo = SparseOnnxExporter.ToCoo(model);
        Assert.NotEmpty(coo.Graph.SparseInitializer);
        Assert.True(coo.CalculateSize() < model.CalculateSize());
        Assert.Equal(Bits(Ort.Run(model)), Bits(Ort.Run(coo)));
    }

    private static void Rehash(byte[] wire)
    {
        var hash = new System.IO.Hashing.XxHash3();
        hash.Append(wire.AsSpan(0, 24));
        hash.Append(wire.AsSpan(32));
        BinaryPrimitives.WriteUInt64LittleEndian(wire.AsSpan(24), hash.GetCurrentHashAsUInt64());
    }

    private static uint[] Bits(float[] values) => [.. values.Select(BitConverter.SingleToUInt32Bits)];
}
