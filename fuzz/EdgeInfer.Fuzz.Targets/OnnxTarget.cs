using EdgeInfer.Core;
using EdgeInfer.Models.Files;
using EdgeInfer.Models.Inspection;

namespace EdgeInfer.Fuzz.Targets;

/// <summary>
/// ONNX import and inspection as <c>models inspect</c> and the repository do it: the bytes are written to a file,
/// which is loaded (parsed and validated), inspected (parameters, shape and MAC inference) and scanned for its
/// metadata as the edge does. Contract: a bad model is an <see cref="EdgeInferInputException"/>.
/// </summary>
public static class OnnxTarget
{
    private static readonly Lazy<string> ModelPath = new(() => FuzzScratch.PathOf("model.onnx"));

    /// <summary>Loads, inspects and reads the metadata of <paramref name="input"/> as an ONNX file.</summary>
    public static void Run(ReadOnlySpan<byte> input)
    {
        var path = ModelPath.Value;
        File.WriteAllBytes(path, input);
        try
        {
            OnnxMetadataProps.Read(path);
            ModelInspector.Inspect(path);
        }
        catch (EdgeInferInputException)
        {
        }
    }
}
