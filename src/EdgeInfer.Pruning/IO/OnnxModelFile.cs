using EdgeInfer.Core;
using EdgeInfer.Models.Files;
using Google.Protobuf;
using Onnx;
using ModelFile = EdgeInfer.Models.Files.OnnxModelFile;

namespace EdgeInfer.Pruning.IO;

/// <summary>Reads ONNX model files straight from the file stream and writes them through a large buffer, atomically.</summary>
public static class OnnxModelFile
{
    /// <summary>Parses the whole file; a file that is not an ONNX model gives <see cref="EdgeInferInputException"/>.</summary>
    public static ModelProto Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new EdgeInferInputException($"Model file '{path}' does not exist.");
        }

        // Parsing from the stream copies each tensor once, straight from the file into its own array.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(stream);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new EdgeInferInputException($"'{path}' is not a valid ONNX model: {ex.Message}", ex);
        }

        return model.Graph is null ? throw new EdgeInferInputException($"'{path}' is not a valid ONNX model: it has no graph.") : model;
    }

    /// <summary>Serializes <paramref name="model"/> to <paramref name="path"/> via a temporary file and a rename; returns the size in bytes.</summary>
    public static long Save(IMessage model, string path) => AtomicFile.Write(path, stream => ModelFile.Write(model, stream));

    /// <summary>Writes through <paramref name="write"/> into a temporary file next to <paramref name="path"/>, then renames it; never leaves a partial file (see <see cref="AtomicFile.Write"/>).</summary>
    public static long WriteAtomically(string path, Action<Stream> write) => AtomicFile.Write(path, write);
}
