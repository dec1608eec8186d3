using System.Globalization;
using System.Text.Json.Serialization;
using Onnx;

namespace EdgeInfer.Models.Inspection;

/// <summary>
/// A graph input or output: its name, element type (ONNX name in lower case, e.g. <c>float</c>) and shape.
/// <paramref name="Shape"/> holds one entry per dim: the size as a decimal string, the symbol (e.g. <c>N</c>) for a
/// symbolic dim, or <c>?</c> for an unknown one.
/// </summary>
public sealed record TensorSpec(string Name, string ElementType, IReadOnlyList<string> Shape)
{
    /// <summary>Sizes per dim, −1 for symbolic or unknown dims.</summary>
    [JsonIgnore]
    public IReadOnlyList<long> Dims => [.. Shape.Select(s => long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : -1)];

    /// <summary>The shape of one concrete tensor: symbolic and unknown dims (the batch) taken as 1.</summary>
    [JsonIgnore]
    public long[] Batch1Dims => [.. Dims.Select(d => d < 0 ? 1L : d)];

    /// <summary>E.g. <c>input float[N,3,224,224]</c>.</summary>
    public override string ToString() => $"{Name} {ElementType}[{string.Join(",", Shape)}]";

    /// <summary>Reads the spec of a graph value.</summary>
    public static TensorSpec From(ValueInfoProto value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var tensor = value.Type?.TensorType;
        var type = tensor is null ? "unknown" : ((TensorProto.Types.DataType)tensor.ElemType).ToString().ToLowerInvariant();
        var shape = tensor?.Shape?.Dim.Select(d =>
            d.ValueCase switch
            {
                TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue => d.DimValue.ToString(CultureInfo.InvariantCulture),
                TensorShapeProto.Types.Dimension.ValueOneofCase.DimParam when d.DimParam.Length > 0 => d.DimParam,
                _ => "?",
            }).ToArray() ?? [];
        return new TensorSpec(value.Name, type, shape);
    }
}
