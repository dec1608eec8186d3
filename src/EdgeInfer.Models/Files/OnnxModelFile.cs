using EdgeInfer.Core;
using EdgeInfer.Models.Inspection;
using Google.Protobuf;
using Onnx;

namespace EdgeInfer.Models.Files;

/// <summary>
/// Reads and writes ONNX model files, the one place every project does so. <see cref="Load"/> validates (every rejection
/// is an <see cref="EdgeInferInputException"/> naming the file and the problem); <see cref="Parse"/> only parses; writes
/// stream through a large buffer, and <see cref="Save"/> writes atomically.
/// </summary>
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
            var more = problems.Count > 5 ? $"; and {problems.Count - 5} more" : string.Empty;
            throw new EdgeInferInputException($"'{path}' is not a valid ONNX model (truncated or corrupt?): {string.Join("; ", problems.Take(5))}{more}.");
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
            // Unbuffered: the parser reads each large tensor straight from the file into its own array (one copy).
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
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

    /// <summary>
    /// Serializes <paramref name="model"/> to <paramref name="path"/> via a temporary file and a rename (see
    /// <see cref="AtomicFile.Write"/>); returns the size in bytes.
    /// </summary>
    public static long Save(IMessage model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        return AtomicFile.Write(path, stream => Write(model, stream));
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
