using Onnx;

namespace EdgeInfer.Pruning.IO;

/// <summary>
/// An ONNX file held as one byte array, indexed without copying the weights: a skeleton <see cref="ModelProto"/>
/// (everything except the initializers' <c>raw_data</c> and packed <c>float_data</c>) plus, per initializer, where
/// its data lies in the file. Weights can then be rewritten in place and the array written back as the output file:
/// the lengths do not change, so the file stays valid.
/// </summary>
internal sealed class ZeroCopyModel
{
    private const int GraphField = 7;
    private const int InitializerField = 5;
    private const int FloatDataField = 4;
    private const int RawDataField = 9;
    private const int DataTypeField = 2;

    private ZeroCopyModel(byte[] buffer, ModelProto skeleton, Dictionary<int, Memory<byte>> data)
    {
        Buffer = buffer;
        Skeleton = skeleton;
        Data = data;
    }

    /// <summary>The whole file.</summary>
    public byte[] Buffer { get; }

    /// <summary>The model without initializer data.</summary>
    public ModelProto Skeleton { get; }

    /// <summary>Initializer index → its little-endian float bytes inside <see cref="Buffer"/> (raw_data or packed float_data).</summary>
    public Dictionary<int, Memory<byte>> Data { get; }

    /// <summary>
    /// Indexes <paramref name="buffer"/>; null when the layout is not one this fast path handles (unpacked
    /// float_data, a tensor with both raw_data and float_data), in which case callers parse normally.
    /// </summary>
    public static ZeroCopyModel? TryIndex(byte[] buffer)
    {
        var data = new Dictionary<int, Memory<byte>>();
        using var skeleton = new MemoryStream(1 << 16);
        var s = buffer.AsSpan();
        var pos = 0;
        var graphs = 0;
        while (pos < s.Length)
        {
            var fieldStart = pos;
            var (field, wire) = ProtoScanner.ReadTag(s, ref pos);
            if (field == GraphField && wire == ProtoScanner.LengthDelimited && graphs++ == 0)
            {
                var (start, end) = ProtoScanner.ReadLength(s, ref pos, s.Length);
                var graph = GraphSkeleton(buffer, start, end, data);
                if (graph is null)
                {
                    return null;
                }

                ProtoScanner.WriteLengthDelimited(skeleton, GraphField, graph);
            }
            else
            {
                ProtoScanner.Skip(s, ref pos, wire, s.Length);
                skeleton.Write(s[fieldStart..pos]);
            }
        }

        if (graphs != 1)
        {
            return null;
        }

        var model = ModelProto.Parser.ParseFrom(skeleton.GetBuffer().AsSpan(0, (int)skeleton.Length));
        return new ZeroCopyModel(buffer, model, data);
    }

    private static byte[]? GraphSkeleton(byte[] buffer, int start, int end, Dictionary<int, Memory<byte>> data)
    {
        using var graph = new MemoryStream(1 << 16);
        using var tensor = new MemoryStream(256);
        var s = buffer.AsSpan();
        var pos = start;
        var ordinal = 0;
        while (pos < end)
        {
            var fieldStart = pos;
            var (field, wire) = ProtoScanner.ReadTag(s, ref pos);
            if (field == InitializerField && wire == ProtoScanner.LengthDelimited)
            {
                var (tensorStart, tensorEnd) = ProtoScanner.ReadLength(s, ref pos, end);
                tensor.SetLength(0);
                if (!TensorSkeleton(buffer, tensorStart, tensorEnd, tensor, out var bytes))
                {
                    return null;
                }

                if (bytes is { } found)
                {
                    data[ordinal] = found;
                }

                ordinal++;
                ProtoScanner.WriteLengthDelimited(graph, InitializerField, tensor.GetBuffer().AsSpan(0, (int)tensor.Length));
            }
            else
            {
                ProtoScanner.Skip(s, ref pos, wire, end);
                graph.Write(s[fieldStart..pos]);
            }
        }

        return graph.ToArray();
    }

    private static bool TensorSkeleton(byte[] buffer, int start, int end, MemoryStream tensor, out Memory<byte>? bytes)
    {
        bytes = null;
        var s = buffer.AsSpan();
        var pos = start;
        var dataType = 0UL;
        var dataField = (Start: 0, End: 0);
        while (pos < end)
        {
            var fieldStart = pos;
            var (field, wire) = ProtoScanner.ReadTag(s, ref pos);
            if ((field == RawDataField || field == FloatDataField) && wire == ProtoScanner.LengthDelimited)
            {
                var (dataStart, dataEnd) = ProtoScanner.ReadLength(s, ref pos, end);
                if (bytes is not null || (dataEnd - dataStart) % sizeof(float) != 0)
                {
                    return false;
                }

                bytes = buffer.AsMemory(dataStart, dataEnd - dataStart);
                dataField = (fieldStart, pos);
            }
            else if (field == DataTypeField && wire == ProtoScanner.Varint)
            {
                dataType = ProtoScanner.ReadVarint(s, ref pos);
                tensor.Write(s[fieldStart..pos]);
            }
            else if (field == FloatDataField)
            {
                return false; // unpacked float_data: each value has its own tag
            }
            else
            {
                ProtoScanner.Skip(s, ref pos, wire, end);
                tensor.Write(s[fieldStart..pos]);
            }
        }

        if (bytes is not null && dataType != (ulong)TensorProto.Types.DataType.Float)
        {
            // Only FLOAT weights are served from the buffer; other tensors (shapes, indices) keep their data.
            tensor.Write(s[dataField.Start..dataField.End]);
            bytes = null;
        }

        return true;
    }
}
