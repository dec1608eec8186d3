using EdgeInfer.Core;
using EdgeInfer.Models.Inspection;
using Google.Protobuf;
using Onnx;

namespace EdgeInfer.Models.Files;

/// <summary>Reads and writes ONNX model files; reads are validated and every rejection names the file and the problem.</summary>
public static class OnnxModelFile
{
    private const int BufferSize = 1 << 20;

    /// <summary>
    /// Parses and validates <paramref name="path"/> (see <see cref="ModelValidator"/>).
    /// </summary>
    /// <exception cref="EdgeInferInputException">Missing file, not ONNX, truncated, or structurally invalid.</exception>
    public static ModelProto Load(string path)
    {
        var model = Parse(path);
        var problems = ModelValidator.Validate(model);
        if (problems.Count > 0)
        {
            throw new EdgeInferInputException($"'{path}' is not a valid ONNX model (truncated or corrupt?): {string.Join("; ", problems.Take(5))}{(problems.Count > 5 ? $"; and {problems.Count - 5} more" : string.Empty)}.");
        }

        return model;
    }

    /// <summary>Parses <paramref name="path"/> as a ModelProto without further checks.</summary>
    /// <exception cref="EdgeInferInputException">Missing file or not a protobuf ModelProto (including truncation inside a field).</exception>
    public static ModelProto Parse(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new EdgeInferInputException($"Model file '{path}' does not exist.");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
            if (stream.Length == 0)
            {
                throw new EdgeInferInputException($"'{path}' is not an ONNX model: the file is empty.");
            }

            return ModelProto.Parser.ParseFrom(stream);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new EdgeInferInputException($"'{path}' is not an ONNX model or is truncated: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Serializes <paramref name="model"/> (a <see cref="ModelProto"/>, or any protobuf message) to <paramref name="stream"/>
    /// through a 1 MiB buffer (weight bytes are streamed, not copied into one buffer); the stream is left open.
    /// </summary>
    public static void Write(IMessage model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        using var output = new CodedOutputStream(stream, BufferSize, leaveOpen: true);
        model.WriteTo(output);
        output.Flush();
    }

    /// <summary>The first real input that is float32, or null.</summary>
    public static ValueInfoProto? FloatInput(ModelProto model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Graph is null
            ? null
            : ModelValidator.RealInputs(model.Graph).FirstOrDefault(i => i.Type?.TensorType?.ElemType == (int)TensorProto.Types.DataType.Float);
    }
}
