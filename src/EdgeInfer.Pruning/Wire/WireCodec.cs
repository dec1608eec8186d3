using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using EdgeInfer.Core;
using EdgeInfer.Models.Files;
using Onnx;

namespace EdgeInfer.Pruning.Wire;

/// <summary>
/// The <c>.eiw</c> wire format: a checksummed, versioned container (<see cref="WireHeader"/>) around a payload that holds
/// the ONNX model with every sparse FLOAT initializer's data replaced by a bitmask of non-zeros plus the packed
/// non-zero values; the graph and the other tensors stay as they are. An optional Brotli or Deflate pass compresses the
/// payload. Lossless: <see cref="Decode"/> returns initializers bit-identical to the encoded model's.
/// </summary>
/// <remarks>
/// Payload (before compression): model length (u32) · model bytes · record count (u32) · records (<see cref="SparseRecord"/>)
/// · all masks · all values (4 bytes each, or 4 byte planes). An initializer is bitmask-encoded when that is smaller than
/// dense: ⌈n/8⌉ + 4·nnz &lt; 4·n.
/// </remarks>
public static partial class WireCodec
{
    /// <summary>The largest payload this implementation decodes (one .NET array).</summary>
    public const long MaximumPayloadBytes = int.MaxValue - 64;

    /// <summary>Encodes <paramref name="model"/> (not modified) into wire bytes.</summary>
    public static byte[] Encode(ModelProto model, WireOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options = (options ?? WireOptions.Default).Validated();
        var payload = BuildPayload(model, options.ShuffleBytePlanes);
        var stored = Compress(payload, options);
        var flags = (ushort)((int)options.Compression | (options.ShuffleBytePlanes ? WireHeader.ShuffleFlag : 0));
        var wire = GC.AllocateUninitializedArray<byte>(WireHeader.Size + stored.Length);
        stored.CopyTo(wire.AsSpan(WireHeader.Size));
        new WireHeader(WireHeader.CurrentVersion, flags, (ulong)stored.Length, (ulong)payload.Length, 0).Write(wire);
        BinaryPrimitives.WriteUInt64LittleEndian(wire.AsSpan(WireHeader.ChecksummedPrefix), Checksum(wire));
        return wire;
    }

    /// <summary>Decodes wire bytes into an ONNX model; any damage gives <see cref="EdgeInferInputException"/> naming <paramref name="source"/>.</summary>
    public static ModelProto Decode(ReadOnlySpan<byte> wire, string source = "wire data")
    {
        var header = WireHeader.Read(wire, source);
        if (Checksum(wire) != header.Checksum)
        {
            throw new EdgeInferInputException($"'{source}' is corrupted: its checksum does not match the content.");
        }

        if (header.DecodedLength > MaximumPayloadBytes)
        {
            throw new EdgeInferInputException(
                $"'{source}' announces a {header.DecodedLength}-byte payload, more than the {MaximumPayloadBytes} bytes supported.");
        }

        var payload = Decompress(wire[WireHeader.Size..], header, source);
        return ParsePayload(payload, header.ShuffleBytePlanes, source);
    }

    /// <summary>Encodes an ONNX file into a wire file (atomically); returns the wire size in bytes.</summary>
    public static long EncodeFile(string onnxPath, string wirePath, WireOptions? options = null)
    {
        var wire = Encode(OnnxModelFile.Load(onnxPath), options);
        return AtomicFile.Write(wirePath, s => s.Write(wire));
    }

    /// <summary>Decodes a wire file into an ONNX file (atomically); returns the ONNX size in bytes.</summary>
    public static long DecodeFile(string wirePath, string onnxPath)
    {
        if (!File.Exists(wirePath))
        {
            throw new EdgeInferInputException($"Wire file '{wirePath}' does not exist.");
        }

        return OnnxModelFile.Save(Decode(File.ReadAllBytes(wirePath), wirePath), onnxPath);
    }

    private static ulong Checksum(ReadOnlySpan<byte> wire)
    {
        var hash = new XxHash3();
        hash.Append(wire[..WireHeader.ChecksummedPrefix]);
        hash.Append(wire[WireHeader.Size..]);
        return hash.GetCurrentHashAsUInt64();
    }

    private static byte[] Compress(byte[] payload, WireOptions options)
    {
        switch (options.Compression)
        {
            case WireCompression.Brotli:
            {
                using var encoder = new BrotliEncoder(options.BrotliQuality, 24);
                var output = new byte[BrotliEncoder.GetMaxCompressedLength(payload.Length)];
                var status = encoder.Compress(payload, output, out _, out var written, isFinalBlock: true);
                return status == System.Buffers.OperationStatus.Done
                    ? output.AsSpan(0, written).ToArray()
                    : throw new InvalidOperationException($"Brotli compression failed: {status}.");
            }

            case WireCompression.Deflate:
            {
                using var buffer = new MemoryStream(payload.Length / 2);
                using (var deflate = new DeflateStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
                {
                    deflate.Write(payload);
                }

                return buffer.ToArray();
            }

            default:
                return payload;
        }
    }

    /// <summary>
    /// The payload, at most <see cref="WireHeader.DecodedLength"/> bytes. The announced length is not trusted for the
    /// allocation: a compressed payload is decoded into a buffer that grows as the data really decompresses (sized at once
    /// when the ratio is plausible), so a forged header cannot make a small file allocate gigabytes.
    /// </summary>
    private static byte[] Decompress(ReadOnlySpan<byte> stored, WireHeader header, string source)
    {
        var payload = header.Compression == WireCompression.None
            ? (ulong)stored.Length == header.DecodedLength ? stored.ToArray() : null
            : Inflate(stored, header);
        return payload
            ?? throw new EdgeInferInputException(
                $"'{source}' is corrupted: its {header.Compression} payload does not decompress to the announced {header.DecodedLength} bytes.");
    }

    private static byte[]? Inflate(ReadOnlySpan<byte> stored, WireHeader header)
    {
        var decoded = (int)header.DecodedLength;
        try
        {
            using var input = new MemoryStream(stored.ToArray());
            using Stream decoder = header.Compression == WireCompression.Brotli
                ? new BrotliStream(input, CompressionMode.Decompress)
                : new DeflateStream(input, CompressionMode.Decompress);
            var payload = GC.AllocateUninitializedArray<byte>((int)Math.Min(decoded, Math.Max(1L << 20, 16L * stored.Length)));
            var filled = 0;
            while (filled < decoded)
            {
                if (filled == payload.Length)
                {
                    Array.Resize(ref payload, (int)Math.Min(decoded, 2L * payload.Length));
                }

                var read = decoder.Read(payload, filled, payload.Length - filled);
                if (read == 0)
                {
                    return null;
                }

                filled += read;
            }

            return decoder.Read(new byte[1]) == 0 ? payload : null;
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or InvalidOperationException)
        {
            return null; // BrotliStream reports invalid data as InvalidOperationException, DeflateStream as InvalidDataException
        }
    }
}
