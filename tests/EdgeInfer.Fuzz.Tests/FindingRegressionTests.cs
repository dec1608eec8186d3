using System.Buffers.Binary;
using EdgeInfer.Accuracy.Datasets;
using EdgeInfer.Core;
using EdgeInfer.Fuzz.Targets;
using EdgeInfer.Pruning.Wire;

namespace EdgeInfer.Fuzz.Tests;

/// <summary>The findings of the fuzzing runs (issue 14), each on the input that found it (<c>fuzz/corpus/TARGET/regressions/</c>).</summary>
public sealed class FindingRegressionTests
{
    [Theory]
    [InlineData("record-count-oom-1.eiw")]
    [InlineData("record-count-oom-2.eiw")]
    [InlineData("record-count-oom-3.eiw")]
    public void WireDecode_RecordCountBeyondThePayload_IsCorruptNotOutOfMemory(string file)
    {
        var wire = WireTarget.WithValidChecksum(Regression("wire", file));

        var ex = Assert.Throws<EdgeInferInputException>(() => WireCodec.Decode(wire, file));
        Assert.Contains("sparse records do not fit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WireDecode_ForgedDecodedLength_IsCorruptWithoutAllocatingIt()
    {
        var wire = WireTarget.WithValidChecksum(Regression("wire", "forged-decoded-length.eiw"));
        Assert.Equal(2_130_706_633UL, BinaryPrimitives.ReadUInt64LittleEndian(wire.AsSpan(16)));
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var ex = Assert.Throws<EdgeInferInputException>(() => WireCodec.Decode(wire, "forged"));

        Assert.Contains("does not decompress to the announced 2130706633 bytes", ex.Message, StringComparison.Ordinal);
        Assert.InRange(GC.GetTotalAllocatedBytes(precise: true) - before, 0, 64L << 20);
    }

    [Theory]
    [InlineData("brotli-invalid-data-1.eiw")]
    [InlineData("brotli-invalid-data-2.eiw")]
    public void WireDecode_InvalidBrotliStream_IsCorruptNotInvalidOperation(string file)
    {
        var wire = WireTarget.WithValidChecksum(Regression("wire", file));

        var ex = Assert.Throws<EdgeInferInputException>(() => WireCodec.Decode(wire, file));
        Assert.Contains("Brotli payload does not decompress", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WireDecode_UncompressedPayloadShorterThanAnnounced_IsCorrupt()
    {
        var wire = WireTarget.WithValidChecksum(Regression("wire", "../none.eiw"));
        BinaryPrimitives.WriteUInt64LittleEndian(wire.AsSpan(16), int.MaxValue - 100);
        wire = WireTarget.WithValidChecksum(wire);

        Assert.Throws<EdgeInferInputException>(() => WireCodec.Decode(wire, "forged"));
    }

    [Fact]
    public void IdxRead_DimensionsWhoseProductOverflows_AreRefused()
    {
        using var stream = new MemoryStream(Regression("idx", "overflowing-dimensions.idx"));

        var ex = Assert.Throws<EdgeInferInputException>(() => IdxFormat.Read(stream, "overflow.idx"));
        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
    }

    private static byte[] Regression(string target, string file) =>
        File.ReadAllBytes(Path.Combine(CorpusReplayTests.CorpusRoot, target, "regressions", file));
}
