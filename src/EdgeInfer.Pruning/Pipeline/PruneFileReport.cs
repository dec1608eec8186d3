using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Pruning.Pipeline;

/// <summary>The outcome of <see cref="ModelPruning.PruneFile"/>.</summary>
/// <param name="Method">The method used.</param>
/// <param name="PruningFactor">The requested pf.</param>
/// <param name="AchievedSparsity">
/// Global/layer: zero weights over prunable weights. Channel: removed channels over the output channels of the prunable Convs.
/// </param>
/// <param name="ParametersBefore">Learned parameters of the input (repository counting).</param>
/// <param name="ParametersAfter">Non-zero learned parameters of the output.</param>
/// <param name="MacsBefore">MACs of the input at batch 1 (null when shapes are not static).</param>
/// <param name="MacsAfter">MACs of the output: unchanged by unstructured pruning (dense kernels), reduced by channel pruning.</param>
/// <param name="Timings">Load, select, mask (surgery for channel) and save times.</param>
/// <param name="Sizes">File sizes.</param>
public sealed record PruneFileReport(
    PruningMethod Method,
    double PruningFactor,
    double AchievedSparsity,
    long ParametersBefore,
    long ParametersAfter,
    long? MacsBefore,
    long? MacsAfter,
    PruneTimings Timings,
    PruneSizes Sizes);
