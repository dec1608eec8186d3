using EdgeInfer.Pruning.Pipeline;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Pruning.Wire;
using PruningFile = EdgeInfer.Models.Files.OnnxModelFile;

namespace EdgeInfer.Edge.Variants;

/// <summary>The pruning engine of EdgeInfer.Pruning behind <see cref="IModelPruner"/>: file → file, atomic writes.</summary>
public sealed class FilePruner : IModelPruner
{
    /// <inheritdoc />
    public void Prune(string input, string output, double pruningFactor, PruningMethod method, string? wireOutput = null) =>
        ModelPruning.PruneFile(input, output, new PruneFileOptions(pruningFactor, method, WirePath: wireOutput));

    /// <inheritdoc />
    public void EncodeWire(string input, string output) => WireCodec.EncodeFile(input, output);

    /// <inheritdoc />
    public void EncodeSparseOnnx(string input, string output) =>
        PruningFile.Save(SparseOnnxExporter.ToCoo(PruningFile.Load(input)), output);
}
