using System.Runtime.InteropServices;
using EdgeInfer.Core;
using Google.Protobuf;
using Onnx;

namespace EdgeInfer.Compression.Structured;

/// <summary>Reads and replaces a Conv's FLOAT weight and bias initializers (raw or <c>float_data</c> storage).</summary>
internal static class ConvParameters
{
    /// <summary>The values of a FLOAT initializer, row-major.</summary>
    public static float[] Read(TensorProto tensor)
    {
        if (tensor.DataType != (int)TensorProto.Types.DataType.Float || tensor.DataLocation == TensorProto.Types.DataLocation.External)
        {
            throw new EdgeInferInputException($"Initializer '{tensor.Name}' is not an embedded FLOAT tensor.");
        }

        return tensor.RawData.IsEmpty ? [.. tensor.FloatData] : MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray();
    }

    /// <summary>Replaces the values of <paramref name="tensor"/> (same dims), stored as raw little-endian bytes.</summary>
    public static void Write(TensorProto tensor, float[] values)
    {
        tensor.FloatData.Clear();
        tensor.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    /// <summary>The initializer named <paramref name="name"/>.</summary>
    public static TensorProto Initializer(GraphProto graph, string name) =>
        graph.Initializer.FirstOrDefault(t => t.Name == name) ?? throw new EdgeInferInputException($"'{name}' is not an initializer.");

    /// <summary>The Conv's bias initializer, created with zeros (and wired as input 2) when the Conv has none.</summary>
    public static TensorProto BiasOf(GraphProto graph, NodeProto conv, int outputs)
    {
        if (conv.Input.Count >= 3 && conv.Input[2].Length > 0)
        {
            return Initializer(graph, conv.Input[2]);
        }

        var name = UniqueName(graph, (conv.Name.Length > 0 ? conv.Name : conv.Output[0]) + "_channel_ls_bias");
        var bias = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        bias.Dims.Add(outputs);
        Write(bias, new float[outputs]);
        graph.Initializer.Add(bias);
        if (conv.Input.Count == 2)
        {
            conv.Input.Add(name);
        }
        else
        {
            conv.Input[2] = name;
        }

        return bias;
    }

    private static string UniqueName(GraphProto graph, string name)
    {
        var taken = graph.Initializer.Select(t => t.Name).Concat(graph.Node.SelectMany(n => n.Output)).Concat(graph.Input.Select(i => i.Name))
            .ToHashSet(StringComparer.Ordinal);
        var candidate = name;
        for (var i = 1; taken.Contains(candidate); i++)
        {
            candidate = $"{name}_{i}";
        }

        return candidate;
    }
}
