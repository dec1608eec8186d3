using EdgeInfer.Pruning.Pipeline;
using EdgeInfer.Pruning.Structured;
using EdgeInfer.Pruning.Unstructured;
using EdgeInfer.Pruning.Variants;
using Google.Protobuf;
using Onnx;

namespace EdgeInfer.Accuracy.Evaluation;

/// <summary>
/// Prunes a model held as ONNX bytes in memory with the pruning engine (<c>EdgeInfer.Pruning</c>): global or per-layer
/// unstructured magnitude pruning of every Conv/Gemm/MatMul weight, or channel pruning. No fine-tuning afterwards,
/// as in the paper's Fig. 2(a).
/// </summary>
public static class VariantPruner
{
    /// <summary>Parses the method names <c>global</c>, <c>layer</c>, <c>channel</c>.</summary>
    public static PruningMethod ParseMethod(string method) => PrunedVariants.ParseMethod(method?.Trim());

    /// <summary>Returns a pruned copy of <paramref name="model"/> at <paramref name="pruningFactor"/> in [0, 0.99].</summary>
    public static byte[] Prune(byte[] model, double pruningFactor, PruningMethod method)
    {
        var proto = ModelProto.Parser.ParseFrom(model);
        switch (method)
        {
            case PruningMethod.Channel:
                ChannelPruner.PruneInPlace(proto, pruningFactor);
                break;
            case PruningMethod.Global or PruningMethod.Layer:
                MagnitudePruner.PruneInPlace(
                    proto, new MagnitudePruningOptions(pruningFactor, method == PruningMethod.Global ? PruningScope.Global : PruningScope.Layer));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown pruning method.");
        }

        return proto.ToByteArray();
    }
}
