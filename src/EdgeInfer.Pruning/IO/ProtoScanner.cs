using EdgeInfer.Core;

namespace EdgeInfer.Pruning.IO;

/// <summary>Minimal protobuf wire-format reading and writing: varints, tags, field skipping, with bounds checks.</summary>
internal static class ProtoScanner
{
    public const int Varint = 0;
    public const int Fixed64 = 1;
    public const int LengthDelimited = 2;
    public const int Fixed32 = 5;

    public static ulong ReadVarint(ReadOnlySpan<byte> s, ref int pos)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (pos >= s.Length)
            {
                throw Truncated();
            }

            var b = s[pos++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new EdgeInferInputException("Malformed ONNX protobuf: a varint is longer than 10 bytes.");
    }

    public static (int Field, int WireType) ReadTag(ReadOnlySpan<byte> s, ref int pos)
    {
        var tag = ReadVarint(s, ref pos);
        return ((int)(tag >> 3), (int)(tag & 7));
    }

    /// <summary>Returns the [start, end) of a length-delimited field's payload and moves past it.</summary>
    public static (int Start, int End) ReadLength(ReadOnlySpan<byte> s, ref int pos, int limit)
    {
        var length = ReadVarint(s, ref pos);
        if (length > (ulong)(limit - pos))
        {
            throw Truncated();
        }

        var start = pos;
        pos += (int)length;
        return (start, pos);
    }

    /// <summary>Moves past a field's payload of the given wire type.</summary>
    public static void Skip(ReadOnlySpan<byte> s, ref int pos, int wireType, int limit)
    {
        switch (wireType)
        {
            case Varint:
                ReadVarint(s, ref pos);
                break;
            case Fixed64:
                pos += 8;
                break;
            case LengthDelimited:
                ReadLength(s, ref pos, limit);
                break;
            case Fixed32:
                pos += 4;
                break;
            default:
                throw new EdgeInferInputException($"Malformed ONNX protobuf: unsupported wire type {wireType}.");
        }

        if (pos > limit)
        {
            throw Truncated();
        }
    }

    public static void WriteVarint(Stream output, ulong value)
    {
        while (value >= 0x80)
        {
            output.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        output.WriteByte((byte)value);
    }

    public static void WriteLengthDelimited(Stream output, int field, ReadOnlySpan<byte> payload)
    {
        WriteVarint(output, ((ulong)field << 3) | LengthDelimited);
        WriteVarint(output, (ulong)payload.Length);
        output.Write(payload);
    }

    private static EdgeInferInputException Truncated() => new("Malformed ONNX protobuf: a field runs past the end of its message (truncated file?).");
}
