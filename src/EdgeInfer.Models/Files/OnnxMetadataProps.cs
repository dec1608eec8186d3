using Google.Protobuf;

namespace EdgeInfer.Models.Files;

/// <summary>
/// Reads a model file's <c>metadata_props</c> (ModelProto field 14) without parsing the graph: the top-level fields are
/// scanned and every other one skipped, so a 241 MB ResNet-152 costs a sequential read, not a protobuf parse.
/// </summary>
public static class OnnxMetadataProps
{
    private const int MetadataPropsField = 14;

    /// <summary>The key/value pairs (the last value wins for a repeated key).</summary>
    /// <exception cref="Core.EdgeInferInputException">The file is not a readable ONNX model.</exception>
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        var props = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            using var input = new CodedInputStream(file, leaveOpen: true);
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                if (WireFormat.GetTagFieldNumber(tag) == MetadataPropsField && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
                {
                    var entry = Onnx.StringStringEntryProto.Parser.ParseFrom(input.ReadBytes());
                    props[entry.Key] = entry.Value;
                }
                else
                {
                    input.SkipLastField();
                }
            }
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new Core.EdgeInferInputException($"'{path}' is not a readable ONNX model: {ex.Message}", ex);
        }

        return props;
    }
}
