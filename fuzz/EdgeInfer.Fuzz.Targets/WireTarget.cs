using System.Buffers.Binary;
using System.IO.Hashing;
using EdgeInfer.Core;
using EdgeInfer.Pruning.Wire;

namespace EdgeInfer.Fuzz.Targets;

/// <summary>
/// The <c>.eiw</c> decoder. Before decoding, the input's checksum field (bytes 24–31) is recomputed, so that mutations
/// reach the payload parser instead of all stopping at the checksum; the checksum check itself is one comparison.
/// Contract: damage is an <see cref="EdgeInferInputException"/>.
/// </summary>
public static class WireTarget
{
    private const int HeaderBytes = 32;
    private const int ChecksummedPrefixBytes = 24;

    /// <summary>Decodes <paramref name="input"/> with a valid checksum.</summary>
    public static void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            WireCodec.Decode(WithValidChecksum(input), "fuzz.eiw");
        }
        catch (EdgeInferInputException)
        {
        }
    }

    /// <summary>A copy of <paramref name="input"/> whose checksum field matches its content (when it is long enough to have one).</summary>
    public static byte[] WithValidChecksum(ReadOnlySpan<byte> input)
    {
        var wire = input.ToArray();
        if (wire.Length >= HeaderBytes)
        {
            var hash = new XxHash3();
            hash.Append(wire.AsSpan(0, ChecksummedPrefixBytes));
            hash.Append(wire.AsSpan(HeaderBytes));
            BinaryPrimitives.WriteUInt64LittleEndian(wire.AsSpan(ChecksummedPrefixBytes), hash.GetCurrentHashAsUInt64());
        }

        return wire;
    }
}
