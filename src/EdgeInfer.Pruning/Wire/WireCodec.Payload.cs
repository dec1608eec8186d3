using System.Buffers.Binary;
using System.Runtime.InteropServices;
using EdgeInfer.Core;
using EdgeInfer.Pruning.IO;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Onnx;

namespace EdgeInfer.Pruning.Wire;

public static partial class WireCodec
{
    private static byte[] BuildPayload(ModelProto model, bool shuffle)
    {
        var records = SelectSparse(model.Graph.Initializer);

        // The graph travels as ONNX with the encoded tensors' data removed (dims, name and type kept).
        var skeleton = model.Clone();
        foreach (var (record, _) in records)
        {
            skeleton.Graph.Initializer[record.Initializer].RawData = ByteString.Empty;
            skeleton.Graph.Initializer[record.Initializer].FloatData.Clear();
        }

        var modelBytes = skeleton.ToByteArray();
        var maskBytes = records.Sum(r => (long)r.Record.MaskBytes);
        var values = records.Sum(r => r.Record.NonZero);
        var total = 4L + modelBytes.Length + 4 + (records.Count * (long)SparseRecord.Size) + maskBytes + (4 * values);
        if (total > MaximumPayloadBytes)
        {
            throw new EdgeInferInputException($"The model needs a {total}-byte wire payload, more than the {MaximumPayloadBytes} bytes supported.");
        }

        var payload = GC.AllocateUninitializedArray<byte>((int)total);
        var maskStart = WriteHeader(payload, modelBytes, records);
        PackValues(payload, records, maskStart, valueStart: maskStart + (int)maskBytes, planeStride: shuffle ? values : 0);
        return payload;
    }

    /// <summary>The FLOAT initializers that are smaller as bitmask + non-zero values than dense, with their records.</summary>
    private static List<(SparseRecord Record, FloatTensor Tensor)> SelectSparse(RepeatedField<TensorProto> initializers)
    {
        var candidates = new List<FloatTensor>();
        for (var i = 0; i < initializers.Count; i++)
        {
            if (FloatTensor.IsSupported(initializers[i]) && FloatTensor.ElementCount(initializers[i]) > 0)
            {
                candidates.Add(FloatTensor.Of(initializers[i], i));
            }
        }

        var nonZero = new long[candidates.Count];
        Parallel.For(0, candidates.Count, c => nonZero[c] = BitmaskCodec.CountNonZero(candidates[c].Bits));
        var records = new List<(SparseRecord Record, FloatTensor Tensor)>();
        for (var c = 0; c < candidates.Count; c++)
        {
            var n = candidates[c].Count;
            if (((n + 7) / 8) + (4 * nonZero[c]) < 4 * n)
            {
                records.Add((new SparseRecord(candidates[c].InitializerIndex, candidates[c].StoredAsFloatData, n, nonZero[c]), candidates[c]));
            }
        }

        return records;
    }

    /// <summary>Writes the model length, the model, the record count and the records; returns where the bitmasks start.</summary>
    private static int WriteHeader(Span<byte> span, byte[] modelBytes, List<(SparseRecord Record, FloatTensor Tensor)> records)
    {
        BinaryPrimitives.WriteInt32LittleEndian(span, modelBytes.Length);
        modelBytes.CopyTo(span[4..]);
        var at = 4 + modelBytes.Length;
        BinaryPrimitives.WriteInt32LittleEndian(span[at..], records.Count);
        at += 4;
        foreach (var (r, _) in records)
        {
            WriteRecord(span[at..], r);
            at += SparseRecord.Size;
        }

        return at;
    }

    /// <summary>
    /// Packs each record's bitmask (from <paramref name="maskStart"/>) and its non-zero values (from
    /// <paramref name="valueStart"/>), in parallel.
    /// </summary>
    private static void PackValues(byte[] payload, List<(SparseRecord Record, FloatTensor Tensor)> records, int maskStart, int valueStart, long planeStride)
    {
        var maskOffsets = new int[records.Count];
        for (int r = 0, m = maskStart; r < records.Count; r++)
        {
            maskOffsets[r] = m;
            m += records[r].Record.MaskBytes;
        }

        var firstValues = FirstValues(records.Select(r => r.Record).ToArray());
        Parallel.For(0, records.Count, r => BitmaskCodec.Pack(
            records[r].Tensor.Bits,
            payload.AsSpan(maskOffsets[r], records[r].Record.MaskBytes),
            payload.AsSpan(valueStart),
            firstValues[r],
            planeStride));
    }

    /// <summary>The index of each record's first value among all values: the non-zero counts of the records before it.</summary>
    private static long[] FirstValues(SparseRecord[] records)
    {
        var firstValues = new long[records.Length];
        for (var r = 1; r < records.Length; r++)
        {
            firstValues[r] = firstValues[r - 1] + records[r - 1].NonZero;
        }

        return firstValues;
    }

    private static ModelProto ParsePayload(byte[] payload, bool shuffle, string source)
    {
        var reader = new PayloadReader(payload, source);
        var modelLength = reader.Int32("model length");
        var model = ParseModel(reader.Take(modelLength, "model"), source);
        var (records, values) = ReadRecords(reader, model.Graph.Initializer, source);
        var masks = ReadMasks(reader, records, source);
        var valueStart = reader.Offset;
        if (values * 4 != payload.Length - valueStart)
        {
            throw Corrupt(source, $"{values} values need {values * 4} bytes but {payload.Length - valueStart} remain");
        }

        reader.Take((int)(values * 4), "values");
        if (reader.Offset != payload.Length)
        {
            throw Corrupt(source, $"{payload.Length - reader.Offset} unexpected bytes after the values");
        }

        var outputs = new byte[records.Length][];
        var planeStride = shuffle ? values : 0;
        var firstValues = FirstValues(records);
        Parallel.For(0, records.Length, r =>
        {
            outputs[r] = new byte[records[r].Count * 4];
            var output = MemoryMarshal.Cast<byte, uint>(outputs[r].AsSpan());
            BitmaskCodec.Unpack(payload.AsSpan(masks[r], records[r].MaskBytes), payload.AsSpan(valueStart), firstValues[r], planeStride, output);
        });

        for (var r = 0; r < records.Length; r++)
        {
            FloatTensor.Replace(model.Graph.Initializer[records[r].Initializer], outputs[r], records[r].FloatData);
        }

        return model;
    }

    /// <summary>Reads the record table; every record must name a distinct, emptied FLOAT initializer of its element count.</summary>
    private static (SparseRecord[] Records, long Values) ReadRecords(PayloadReader reader, RepeatedField<TensorProto> initializers, string source)
    {
        var count = reader.Int32("record count");
        if (count > reader.Remaining / SparseRecord.Size)
        {
            throw Corrupt(source, $"{count} sparse records do not fit in the {reader.Remaining} bytes left");
        }

        var records = new SparseRecord[count];
        var seen = new HashSet<int>();
        long values = 0;
        for (var r = 0; r < count; r++)
        {
            var record = ReadRecord(reader.Take(SparseRecord.Size, "sparse record"));
            if (record.Initializer < 0 || record.Initializer >= initializers.Count || !seen.Add(record.Initializer)
                || record.Count <= 0 || record.Count > int.MaxValue / 4 || record.NonZero < 0 || record.NonZero > record.Count
                || !FloatTensor.IsSupported(initializers[record.Initializer])
                || FloatTensor.ElementCount(initializers[record.Initializer]) != record.Count
                || !initializers[record.Initializer].RawData.IsEmpty || initializers[record.Initializer].FloatData.Count != 0)
            {
                throw Corrupt(source, $"sparse record {r} does not match an empty FLOAT initializer of the model");
            }

            records[r] = record;
            values += record.NonZero;
        }

        return (records, values);
    }

    /// <summary>Checks each record's bitmask against its non-zero count and clear padding; returns where each starts.</summary>
    private static int[] ReadMasks(PayloadReader reader, SparseRecord[] records, string source)
    {
        var masks = new int[records.Length];
        for (var r = 0; r < records.Length; r++)
        {
            masks[r] = reader.Offset;
            var (ones, paddingSet) = BitmaskCodec.Inspect(reader.Take(records[r].MaskBytes, "bitmask"), records[r].Count);
            if (ones != records[r].NonZero || paddingSet)
            {
                throw Corrupt(source, $"the bitmask of initializer {records[r].Initializer} does not match its non-zero count");
            }
        }

        return masks;
    }

    private static ModelProto ParseModel(ReadOnlySpan<byte> bytes, string source)
    {
        try
        {
            var model = ModelProto.Parser.ParseFrom(bytes);
            return model.Graph is null ? throw Corrupt(source, "the embedded model has no graph") : model;
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new EdgeInferInputException($"'{source}' is corrupted: the embedded ONNX model does not parse ({ex.Message}).", ex);
        }
    }

    private static void WriteRecord(Span<byte> span, SparseRecord r)
    {
        BinaryPrimitives.WriteInt32LittleEndian(span, r.Initializer);
        span[4] = r.FloatData ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteInt64LittleEndian(span[5..], r.Count);
        BinaryPrimitives.WriteInt64LittleEndian(span[13..], r.NonZero);
    }

    private static SparseRecord ReadRecord(ReadOnlySpan<byte> span) =>
        span[4] > 1
            ? new SparseRecord(-1, false, 0, 0)
            : new SparseRecord(
                BinaryPrimitives.ReadInt32LittleEndian(span),
                span[4] == 1,
                BinaryPrimitives.ReadInt64LittleEndian(span[5..]),
                BinaryPrimitives.ReadInt64LittleEndian(span[13..]));

    private static EdgeInferInputException Corrupt(string source, string problem) => new($"'{source}' is corrupted: {problem}.");

    /// <summary>Bounds-checked sequential reads; any overrun is reported as corruption, never an index exception.</summary>
    private sealed class PayloadReader(byte[] payload, string source)
    {
        public int Offset { get; private set; }

        public int Remaining => payload.Length - Offset;

        public int Int32(string what)
        {
            var value = BinaryPrimitives.ReadInt32LittleEndian(Take(4, what));
            return value >= 0 ? value : throw Corrupt(source, $"negative {what} {value}");
        }

        public ReadOnlySpan<byte> Take(int length, string what)
        {
            if (length < 0 || length > payload.Length - Offset)
            {
                throw Corrupt(source, $"the {what} ({length} bytes at offset {Offset}) runs past the {payload.Length}-byte payload");
            }

            var span = payload.AsSpan(Offset, length);
            Offset += length;
            return span;
        }
    }
}
