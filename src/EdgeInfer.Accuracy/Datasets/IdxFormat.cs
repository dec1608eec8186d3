using System.Buffers.Binary;
using System.IO.Compression;
using EdgeInfer.Core;
using EdgeInfer.Models.Files;

namespace EdgeInfer.Accuracy.Datasets;

/// <summary>
/// Reads and writes the IDX format of LeCun's MNIST (also used by Fashion-MNIST): a 4-byte magic number
/// <c>00 00 08 d</c> (unsigned bytes, d dimensions), d big-endian 32-bit sizes, then the values.
/// Files may be plain or gzip-compressed (detected by the gzip magic <c>1f 8b</c>, not by the file name).
/// </summary>
public static class IdxFormat
{
    private const byte UnsignedByteType = 0x08;

    /// <summary>
    /// Reads an IDX file, plain or gzip; a bad magic number, bad dimensions or a wrong length throw
    /// <see cref="EdgeInferInputException"/> naming the file.
    /// </summary>
    public static IdxArray Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new EdgeInferInputException($"IDX file '{path}' does not exist.");
        }

        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Reads an IDX array from <paramref name="stream"/>; <paramref name="name"/> names the source in error messages.</summary>
    public static IdxArray Read(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = ReadAll(stream, name);
        var header = bytes.AsSpan();
        if (header.Length < 4)
        {
            throw new EdgeInferInputException($"IDX file '{name}' is {header.Length} bytes long; an IDX header needs at least 4.");
        }

        if (header[0] != 0 || header[1] != 0)
        {
            throw new EdgeInferInputException(
                $"'{name}' is not an IDX file: magic number {header[0]:x2} {header[1]:x2} {header[2]:x2} {header[3]:x2}, expected 00 00 08 <dimensions>.");
        }

        if (header[2] != UnsignedByteType)
        {
            throw new EdgeInferInputException($"IDX file '{name}' has element type 0x{header[2]:x2}; only unsigned bytes (0x08) are supported.");
        }

        int rank = header[3];
        if (rank == 0)
        {
            throw new EdgeInferInputException($"IDX file '{name}' declares 0 dimensions; 1 to 255 are allowed.");
        }

        var dataOffset = 4 + (4 * rank);
        if (header.Length < dataOffset)
        {
            throw new EdgeInferInputException(
                $"IDX file '{name}' is truncated: {header.Length} bytes, but its {rank} dimensions need a {dataOffset}-byte header.");
        }

        var dims = new int[rank];
        long expected = 1;
        for (var i = 0; i < rank; i++)
        {
            var d = BinaryPrimitives.ReadInt32BigEndian(header.Slice(4 + (4 * i), 4));
            if (d < 0)
            {
                throw new EdgeInferInputException($"IDX file '{name}' has a negative size {d} in dimension {i}.");
            }

            dims[i] = d;
            expected = (long)Int128.Min((Int128)expected * d, long.MaxValue); // saturates: a product past 2^63 never matches
        }

        long actual = header.Length - dataOffset;
        if (actual != expected)
        {
            throw new EdgeInferInputException(
                $"IDX file '{name}' holds {actual} data bytes but its dimensions [{string.Join(",", dims)}] need {expected} "
                + $"({(actual < expected ? "truncated" : "trailing bytes")}).");
        }

        return new IdxArray(dims, header[dataOffset..].ToArray());
    }

    /// <summary>
    /// Writes <paramref name="array"/> to <paramref name="path"/> (gzip when <paramref name="gzip"/>), atomically: a
    /// temporary file renamed into place.
    /// </summary>
    public static void Write(string path, IdxArray array, bool gzip)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(array);
        AtomicFile.Write(path, file =>
        {
            if (gzip)
            {
                // Deterministic gzip: .NET writes no file name and a zero timestamp, so equal input gives equal bytes.
                using var compressed = new GZipStream(file, CompressionLevel.SmallestSize, leaveOpen: true);
                WriteContent(compressed, array);
            }
            else
            {
                WriteContent(file, array);
            }
        });
    }

    private static void WriteContent(Stream output, IdxArray array)
    {
        Span<byte> header = stackalloc byte[4];
        header[0] = 0;
        header[1] = 0;
        header[2] = UnsignedByteType;
        header[3] = (byte)array.Dimensions.Count;
        output.Write(header);
        foreach (var d in array.Dimensions)
        {
            BinaryPrimitives.WriteInt32BigEndian(header, d);
            output.Write(header);
        }

        output.Write(array.Data);
    }

    private static byte[] ReadAll(Stream stream, string name)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var raw = buffer.ToArray();
        if (raw.Length < 2 || raw[0] != 0x1f || raw[1] != 0x8b)
        {
            return raw;
        }

        try
        {
            using var gz = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            gz.CopyTo(plain);
            return plain.ToArray();
        }
        catch (InvalidDataException ex)
        {
            throw new EdgeInferInputException($"IDX file '{name}' is a corrupt or truncated gzip stream: {ex.Message}", ex);
        }
    }
}
