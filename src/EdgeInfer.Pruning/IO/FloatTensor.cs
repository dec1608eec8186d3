using System.Runtime.InteropServices;
using EdgeInfer.Core;
using Google.Protobuf;
using Onnx;

namespace EdgeInfer.Pruning.IO;

/// <summary>
/// A float initializer viewed as little-endian IEEE-754 bits, whichever way it is stored (<c>raw_data</c> or
/// <c>float_data</c>). Reading <c>raw_data</c> costs no copy; replacing the values keeps the original storage kind.
/// </summary>
internal sealed class FloatTensor
{
    private FloatTensor(TensorProto proto, int initializerIndex, ReadOnlyMemory<byte> bytes, long count, Memory<byte>? inPlace = null)
    {
        Proto = proto;
        InitializerIndex = initializerIndex;
        Bytes = bytes;
        Count = count;
        InPlace = inPlace;
    }

    /// <summary>Set when the values live in a file buffer that is written back as is: results are written here, not into the proto.</summary>
    public Memory<byte>? InPlace { get; }

    public TensorProto Proto { get; }

    public int InitializerIndex { get; }

    public string Name => Proto.Name;

    /// <summary>The values as bytes, 4 per element, little-endian.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    public long Count { get; }

    public bool StoredAsFloatData => Proto.RawData.IsEmpty && Proto.FloatData.Count > 0;

    public ReadOnlySpan<uint> Bits => MemoryMarshal.Cast<byte, uint>(Bytes.Span);

    public ReadOnlySpan<float> Values => MemoryMarshal.Cast<byte, float>(Bytes.Span);

    /// <summary>
    /// The array behind <see cref="Bytes"/> when it is a whole array (protobuf's own copy after parsing), so the
    /// caller may write the result over the source; only safe when no other message shares this byte string.
    /// </summary>
    public bool TryGetWritableBuffer(out byte[] buffer)
    {
        if (MemoryMarshal.TryGetArray(Bytes, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length)
        {
            buffer = segment.Array;
            return true;
        }

        buffer = [];
        return false;
    }

    /// <summary>True when <paramref name="proto"/> is a FLOAT tensor with inline data this class can read.</summary>
    public static bool IsSupported(TensorProto proto) =>
        proto.DataType == (int)TensorProto.Types.DataType.Float && proto.DataLocation != TensorProto.Types.DataLocation.External;

    /// <summary>Wraps a supported FLOAT initializer; rejects data whose length disagrees with its dims.</summary>
    public static FloatTensor Of(TensorProto proto, int initializerIndex)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("EdgeInfer.Pruning reads ONNX raw_data in place and needs a little-endian machine.");
        }

        var count = ElementCount(proto);
        ReadOnlyMemory<byte> bytes;
        if (!proto.RawData.IsEmpty)
        {
            bytes = proto.RawData.Memory;
        }
        else
        {
            var floats = new float[proto.FloatData.Count];
            proto.FloatData.CopyTo(floats, 0);
            bytes = MemoryMarshal.AsBytes(floats.AsSpan()).ToArray();
        }

        if (bytes.Length != count * sizeof(float))
        {
            throw new EdgeInferInputException(
                $"Initializer '{proto.Name}' holds {bytes.Length / sizeof(float)} floats but its dims [{string.Join(",", proto.Dims)}] need {count}.");
        }

        return new FloatTensor(proto, initializerIndex, bytes, count);
    }

    /// <summary>A tensor whose values live outside its proto (a <see cref="ZeroCopyModel"/> buffer) and are rewritten there.</summary>
    public static FloatTensor External(TensorProto proto, int initializerIndex, Memory<byte> bytes)
    {
        var count = ElementCount(proto);
        if (bytes.Length != count * sizeof(float))
        {
            throw new EdgeInferInputException(
                $"Initializer '{proto.Name}' holds {bytes.Length / sizeof(float)} floats but its dims [{string.Join(",", proto.Dims)}] need {count}.");
        }

        return new FloatTensor(proto, initializerIndex, bytes, count, bytes);
    }

    /// <summary>Product of the dims (1 for a scalar).</summary>
    public static long ElementCount(TensorProto proto)
    {
        long count = 1;
        foreach (var d in proto.Dims)
        {
            if (d < 0)
            {
                throw new EdgeInferInputException($"Initializer '{proto.Name}' has a negative dim {d}.");
            }

            count = checked(count * d);
        }

        return count;
    }

    /// <summary>
    /// Replaces the values of <paramref name="proto"/> with <paramref name="bytes"/> (4 per float), keeping its storage
    /// kind; takes ownership of the array.
    /// </summary>
    public static void Replace(TensorProto proto, byte[] bytes, bool asFloatData)
    {
        if (asFloatData)
        {
            proto.FloatData.Clear();
            proto.FloatData.AddRange(MemoryMarshal.Cast<byte, float>(bytes).ToArray());
            proto.RawData = ByteString.Empty;
        }
        else if (!ReferenceEquals(bytes, MemoryMarshal.TryGetArray(proto.RawData.Memory, out var own) ? own.Array : null))
        {
            proto.FloatData.Clear();
            proto.RawData = UnsafeByteOperations.UnsafeWrap(bytes);
        }
    }

    /// <summary>Replaces the values with <paramref name="bytes"/>, keeping the storage kind (raw_data or float_data).</summary>
    public void Replace(byte[] bytes) => Replace(Proto, bytes, StoredAsFloatData);
}
