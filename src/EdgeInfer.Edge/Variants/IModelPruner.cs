using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Edge.Variants;

/// <summary>What the edge needs from a pruner and encoder; <see cref="FilePruner"/> is the real one (EdgeInfer.Pruning).</summary>
public interface IModelPruner
{
    /// <summary>
    /// Prunes the dense ONNX file <paramref name="input"/> (the full model) into <paramref name="output"/> as the pruned
    /// <paramref name="variant"/> says, and, when <paramref name="wireOutput"/> is given, writes its wire encoding there
    /// in the same pass (atomically).
    /// </summary>
    void Prune(string input, string output, ModelVariant variant, string? wireOutput = null);

    /// <summary>Encodes a dense ONNX file into the <c>.eiw</c> wire format.</summary>
    void EncodeWire(string input, string output);

    /// <summary>Writes a dense ONNX file as ONNX with COO <c>sparse_initializer</c>.</summary>
    void EncodeSparseOnnx(string input, string output);
}
