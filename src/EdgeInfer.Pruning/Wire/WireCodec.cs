using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using EdgeInfer.Core;
using EdgeInfer.Models.Files;
using Google.Protobuf;
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

    private static byte[] Decompress(ReadOnlySpan<byte> stored, WireHeader header, string source)
    {
        var payload = GC.AllocateUninitializedArray<byte>((int)header.DecodedLength);
        var ok = header.Compression switch
        {
            WireCompression.None => stored.TryCopyTo(payload) && stored.Length == payload.Length,
            WireCompression.Brotli => BrotliDecoder.TryDecompress(stored, payload, out var written) && written == payload.Length,
            _ => Inflate(stored, payload),
        };
        return ok
            ? payload
            : throw new EdgeInferInputException(
                $"'{source}' is corrupted: its {header.Compression} payload does not decompress to the announced {header.DecodedLength} bytes.");
    }

    private static bool Inflate(ReadOnlySpan<byte> stored, byte[] payload)
    {
        try
        {
            using var input = new MemoryStream(stored.ToArray());
            using var deflate = new DeflateStream(input, CompressionMode.Decompress);
            deflate.ReadExactly(payload);
            return deflate.Read(new byte[1]) == 0;
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
        {
            return false;
        }
    }
}
