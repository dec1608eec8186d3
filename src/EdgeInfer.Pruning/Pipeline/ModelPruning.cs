using System.Diagnostics;
using System.IO.Compression;
using EdgeInfer.Core;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Models.Files;
using EdgeInfer.Pruning.Analysis;
using EdgeInfer.Pruning.IO;
using EdgeInfer.Pruning.Structured;
using EdgeInfer.Pruning.Unstructured;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Pruning.Wire;
using Google.Protobuf;
using Onnx;

namespace EdgeInfer.Pruning.Pipeline;

/// <summary>
/// File → file pruning with the data-free methods (global, layer, channel): load, select, mask (or channel surgery),
/// save; optionally the wire and COO forms. Outputs are written atomically (temporary file + rename). Hosts do not call
/// it directly: <c>EdgeInfer.Compression.Building.VariantBuilder</c>, the one builder of every variant kind, calls it for
/// the data-free methods and adds calibration-based pruning and quantization on top.
/// Magnitude pruning works in the file's own bytes (no protobuf copy of the weights); channel pruning parses the model.
/// </summary>
public static class ModelPruning
{
    /// <summary>Prunes <paramref name="inputPath"/> into <paramref name="outputPath"/> and reports what was done and measured.</summary>
    public static PruneFileReport PruneFile(string inputPath, string outputPath, PruneFileOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(inputPath);
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        options = options.Validated();
        if (string.Equals(Path.GetFullPath(inputPath), Path.GetFullPath(outputPath), StringComparison.Ordinal))
        {
            throw new EdgeInferInputException($"Output '{outputPath}' is the input model; choose another output path.");
        }

        return options.Method == PruningMethod.Channel
            ? PruneParsed(inputPath, outputPath, options)
            : PruneZeroCopy(inputPath, outputPath, options) ?? PruneParsed(inputPath, outputPath, options);
    }

    /// <summary>
    /// Returns a pruned copy of the ONNX model <paramref name="model"/> held in memory (accuracy evaluation prunes this
    /// way, without files), pruned as <see cref="PruneFile"/> prunes a file with the same <paramref name="options"/>
    /// (its output paths and size measurements do not apply here).
    /// </summary>
    /// <exception cref="EdgeInferInputException">The options are invalid, or the bytes are not an ONNX model.</exception>
    public static byte[] PruneInMemory(byte[] model, PruneFileOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        options = options.Validated();
        ModelProto proto;
        try
        {
            proto = ModelProto.Parser.ParseFrom(model);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new EdgeInferInputException($"The model is not a valid ONNX model: {ex.Message}", ex);
        }

        PruneInPlace(proto, options, reuseBuffers: true);
        return proto.ToByteArray();
    }

    /// <summary>
    /// Prunes the parsed <paramref name="model"/> in place (its weight buffers are reused) with the data-free pruner
    /// <paramref name="options"/>' method calls for; the output paths and size options do not apply here.
    /// </summary>
    /// <exception cref="EdgeInferInputException">The options are invalid.</exception>
    public static ModelPruneResult PruneModel(ModelProto model, PruneFileOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        options = options.Validated();
        var (select, mask, achieved) = PruneInPlace(model, options, reuseBuffers: true);
        return new ModelPruneResult(select, mask, achieved);
    }

    /// <summary>
    /// Prunes a parsed model in place with the pruner <paramref name="options"/>' method calls for: channel surgery, or
    /// magnitude pruning (global or per layer). Returns the selection and masking (surgery) times and the achieved sparsity.
    /// </summary>
    private static (Seconds Select, Seconds Mask, double Achieved) PruneInPlace(ModelProto model, PruneFileOptions options, bool reuseBuffers)
    {
        if (options.Method == PruningMethod.Channel)
        {
            var channels = ChannelPruner.PruneInPlace(model, options.PruningFactor, options.ChannelMultiple);
            var achieved = channels.PrunableChannels == 0 ? 0 : (double)channels.RemovedChannels / channels.PrunableChannels;
            return (channels.SelectTime, channels.SurgeryTime, achieved);
        }

        var weights = MagnitudePruner.Prune(model, options.Magnitude, reuseBuffers);
        return (weights.SelectTime, weights.MaskTime, weights.AchievedSparsity);
    }

    /// <summary>
    /// Magnitude pruning straight in the file's bytes: read the file once, index it (<see cref="ZeroCopyModel"/>), mask
    /// the weights in place and write the same array back. Null when the file's layout needs the parsing path.
    /// </summary>
    private static PruneFileReport? PruneZeroCopy(string inputPath, string outputPath, PruneFileOptions options)
    {
        var loadStart = Stopwatch.GetTimestamp();
        if (!File.Exists(inputPath))
        {
            throw new EdgeInferInputException($"Model file '{inputPath}' does not exist.");
        }

        var buffer = File.ReadAllBytes(inputPath);
        ZeroCopyModel? indexed;
        try
        {
            indexed = ZeroCopyModel.TryIndex(buffer);
        }
        catch (Exception ex) when (ex is EdgeInferInputException or InvalidProtocolBufferException)
        {
            throw new EdgeInferInputException($"'{inputPath}' is not a valid ONNX model: {ex.Message}", ex);
        }

        if (indexed is null)
        {
            return null;
        }

        var load = new Seconds(Stopwatch.GetElapsedTime(loadStart).TotalSeconds);
        var before = ModelStatistics.Of(indexed.Skeleton, indexed.Data);
        var result = MagnitudePruner.Prune(indexed.Skeleton, options.Magnitude, reuseBuffers: false, external: indexed.Data);

        var saveStart = Stopwatch.GetTimestamp();
        var dense = AtomicFile.Write(outputPath, s => s.Write(buffer));
        var save = new Seconds(Stopwatch.GetElapsedTime(saveStart).TotalSeconds);

        var after = ModelStatistics.Of(indexed.Skeleton, indexed.Data);
        var wantsModel = options.WirePath is not null || options.SparseOnnxPath is not null || options.MeasureAllSizes;
        var model = wantsModel ? ModelProto.Parser.ParseFrom(buffer) : null;
        var sizes = new PruneSizes(
            new Bytes(dense),
            model is null ? null : WireSize(model, options),
            model is null ? null : CooSize(model, options),
            options.MeasureAllSizes ? GzipSize(outputPath) : null);
        return new PruneFileReport(
            options.Method,
            options.PruningFactor,
            result.AchievedSparsity,
            before.Parameters,
            after.NonZeroParameters,
            before.Macs,
            after.Macs,
            new PruneTimings(load, result.SelectTime, result.MaskTime, save),
            sizes);
    }

    /// <summary>Parse the model, prune the protos (channel surgery, or magnitude pruning of unusual layouts), serialize.</summary>
    private static PruneFileReport PruneParsed(string inputPath, string outputPath, PruneFileOptions options)
    {
        var loadStart = Stopwatch.GetTimestamp();
        var model = OnnxModelFile.Load(inputPath);
        var load = new Seconds(Stopwatch.GetElapsedTime(loadStart).TotalSeconds);
        var before = ModelStatistics.Of(model);

        // The model was parsed here and is not shared, so the weights are masked in their own buffers.
        var (select, mask, achieved) = PruneInPlace(model, options, reuseBuffers: true);

        var saveStart = Stopwatch.GetTimestamp();
        var dense = OnnxModelFile.Save(model, outputPath);
        var save = new Seconds(Stopwatch.GetElapsedTime(saveStart).TotalSeconds);

        var after = ModelStatistics.Of(model);
        var sizes = new PruneSizes(new Bytes(dense), WireSize(model, options), CooSize(model, options), options.MeasureAllSizes ? GzipSize(outputPath) : null);
        return new PruneFileReport(
            options.Method,
            options.PruningFactor,
            achieved,
            before.Parameters,
            after.NonZeroParameters,
            before.Macs,
            after.Macs,
            new PruneTimings(load, select, mask, save),
            sizes);
    }

    /// <summary>Size of gzip level 6 (as <c>gzip -6</c>) of a file, computed in memory.</summary>
    public static Bytes GzipSize(string path)
    {
        using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        using var counter = new CountingStream();
        using (var gzip = new GZipStream(counter, new ZLibCompressionOptions { CompressionLevel = 6 }, leaveOpen: true))
        {
            input.CopyTo(gzip, 1 << 20);
        }

        return new Bytes(counter.Length);
    }

    private static Bytes? WireSize(ModelProto model, PruneFileOptions options)
    {
        if (options.WirePath is null && !options.MeasureAllSizes)
        {
            return null;
        }

        var wire = WireCodec.Encode(model, options.Wire);
        return new Bytes(options.WirePath is null ? wire.Length : AtomicFile.Write(options.WirePath, s => s.Write(wire)));
    }

    private static Bytes? CooSize(ModelProto model, PruneFileOptions options)
    {
        if (options.SparseOnnxPath is null && !options.MeasureAllSizes)
        {
            return null;
        }

        var coo = SparseOnnxExporter.ToCoo(model);
        return new Bytes(options.SparseOnnxPath is null ? coo.CalculateSize() : OnnxModelFile.Save(coo, options.SparseOnnxPath));
    }

    /// <summary>A write-only sink that only counts bytes.</summary>
    private sealed class CountingStream : Stream
    {
        private long length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => length;

        public override long Position { get => length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => length += buffer.Length;
    }
}
