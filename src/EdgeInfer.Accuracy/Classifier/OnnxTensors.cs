using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace EdgeInfer.Accuracy.Classifier;

/// <summary>Small helpers to read and create float initializers and nodes with OnnxSharp's protobuf classes.</summary>
internal static class OnnxTensors
{
    /// <summary>The float values of an initializer stored as <c>float_data</c> or <c>raw_data</c> (little-endian).</summary>
    public static float[] ReadFloats(TensorProto tensor)
    {
        if (tensor.DataType != (int)TensorProto.Types.DataType.Float)
        {
            throw new ArgumentException($"Initializer '{tensor.Name}' is not float32 (data type {tensor.DataType}).", nameof(tensor));
        }

        if (tensor.FloatData.Count > 0)
        {
            return tensor.FloatData.ToArray();
        }

        return MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray();
    }

    /// <summary>A float initializer stored as <c>raw_data</c>.</summary>
    public static TensorProto Create(string name, long[] dims, ReadOnlySpan<float> values)
    {
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        t.Dims.AddRange(dims);
        t.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values));
        return t;
    }

    /// <summary>A node with the given inputs, outputs and attributes.</summary>
    public static NodeProto Node(string opType, string name, string[] inputs, string[] outputs, params AttributeProto[] attributes)
    {
        var n = new NodeProto { OpType = opType, Name = name };
        n.Input.AddRange(inputs);
        n.Output.AddRange(outputs);
        n.Attribute.AddRange(attributes);
        return n;
    }

    public static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Ints(string name, params long[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.AddRange(values);
        return a;
    }

    /// <summary>A float tensor value info with the given dims (a string is a symbolic dimension).</summary>
    public static ValueInfoProto TensorInfo(string name, params object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims)
        {
            shape.Dim.Add(d is string p
                ? new TensorShapeProto.Types.Dimension { DimParam = p }
                : new TensorShapeProto.Types.Dimension { DimValue = Convert.ToInt64(d, System.Globalization.CultureInfo.InvariantCulture) });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }
}
