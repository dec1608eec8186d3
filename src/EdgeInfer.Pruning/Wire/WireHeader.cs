using System.Buffers.Binary;
using EdgeInfer.Core;

namespace EdgeInfer.Pruning.Wire;

/// <summary>
/// The fixed 32-byte header of an <c>.eiw</c> file, little-endian:
/// magic "EIWF" (4) · format version (u16) · flags (u16: bits 0–1 compression, bit 2 byte planes) ·
/// stored payload length (u64) · decoded payload length (u64) · XxHash3-64 of header bytes 0–23 and the stored payload (u64).
/// </summary>
internal readonly record struct WireHeader(ushort Version, ushort Flags, ulong StoredLength, ulong DecodedLength, ulong Checksum)
{
    public const int Size = 32;
    public const int ChecksummedPrefix = 24;
    public const ushort CurrentVersion = 1;
    public const ushort ShuffleFlag = 1 << 2;
    public static readonly byte[] Magic = "EIWF"u8.ToArray();

    public WireCompression Compression => (WireCompression)(Flags & 0b11);

    public bool ShuffleBytePlanes => (Flags & ShuffleFlag) != 0;

    public void Write(Span<byte> destination)
    {
        Magic.CopyTo(destination);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[4..], Version);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[6..], Flags);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], StoredLength);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], DecodedLength);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], Checksum);
    }

    /// <summary>Reads and checks the header in the order that gives the most useful message: magic, version, flags, length.</summary>
    public static WireHeader Read(ReadOnlySpan<byte> wire, string source)
    {
        if (wire.Length < Magic.Length || !wire[..Magic.Length].SequenceEqual(Magic))
        {
            throw new EdgeInferInputException($"'{source}' is not an EdgeInfer wire file (no 'EIWF' magic at the start).");
        }

        if (wire.Length < Size)
        {
            throw new EdgeInferInputException($"'{source}' is truncated: {wire.Length} bytes, shorter than the {Size}-byte wire header.");
        }

        var header = new WireHeader(
            BinaryPrimitives.ReadUInt16LittleEndian(wire[4..]),
            BinaryPrimitives.ReadUInt16LittleEndian(wire[6..]),
            BinaryPrimitives.ReadUInt64LittleEndian(wire[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(wire[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(wire[24..]));
        if (header.Version != CurrentVersion)
        {
            throw new EdgeInferInputException($"'{source}' has wire format version {header.Version}; this EdgeInfer reads version {CurrentVersion} only.");
        }

        if ((header.Flags & ~(0b11 | ShuffleFlag)) != 0 || !Enum.IsDefined(header.Compression))
        {
            throw new EdgeInferInputException($"'{source}' has unknown wire flags 0x{header.Flags:x4}.");
        }

        var available = (ulong)(wire.Length - Size);
        if (header.StoredLength > available)
        {
            throw new EdgeInferInputException($"'{source}' is truncated: the header announces {header.StoredLength} payload bytes but {available} follow.");
        }

        if (header.StoredLength < available)
        {
            throw new EdgeInferInputException(
                $"'{source}' has {available - header.StoredLength} unexpected bytes after the {header.StoredLength}-byte payload.");
        }

        return header;
    }
}
