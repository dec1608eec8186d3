using EdgeInfer.Pruning.Pipeline;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Pruning.Wire;
using PruningFile = EdgeInfer.Models.Files.OnnxModelFile;

namespace EdgeInfer.Edge.Variants;

/// <summary>The pruning engine of EdgeInfer.Pruning behind <see cref="IModelPruner"/>: file → file, atomic writes.</summary>
public sealed class FilePruner : IModelPruner
{
    /// <inheritdoc />
    public void Prune(string input, string output, ModelVariant variant, string? wireOutput = null)
    {
        ArgumentNullException.ThrowIfNull(variant);
        var method = variant.Method ?? throw new ArgumentException($"{variant} is the full model; there is nothing to prune.", nameof(variant));
        ModelPruning.PruneFile(input, output, new PruneFileOptions(variant.Factor.Value, method, WirePath: wireOutput));
    }

    /// <inheritdoc />
    public void EncodeWire(string input, string output) => WireCodec.EncodeFile(input, output);

    /// <inheritdoc />
    public void EncodeSparseOnnx(string input, string output) =>
        PruningFile.Save(SparseOnnxExporter.ToCoo(PruningFile.Load(input)), output);
}
