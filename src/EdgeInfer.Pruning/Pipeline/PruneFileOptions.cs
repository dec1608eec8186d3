using System.Globalization;
using EdgeInfer.Core;
using EdgeInfer.Pruning.Unstructured;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Pruning.Wire;

namespace EdgeInfer.Pruning.Pipeline;

/// <summary>One file → file pruning run.</summary>
/// <param name="PruningFactor">
/// pf in [0, <see cref="Variants.PruningFactor.Maximum"/>] at any resolution (a variant's pf is a
/// <see cref="Variants.PruningFactor"/>'s <see cref="Variants.PruningFactor.Value"/>): fraction of prunable weights
/// zeroed (global, layer) or of prunable channels removed per layer (channel).
/// </param>
/// <param name="Method">Global (default), layer or channel (the data-free methods; <c>channel-ls</c> is rejected).</param>
/// <param name="KeepFirstConvDense">Unstructured only: leave the first Conv dense.</param>
/// <param name="KeepClassifierDense">Unstructured only: leave the last Gemm/MatMul dense.</param>
/// <param name="MinimumTensorElements">Unstructured only: smaller tensors stay dense.</param>
/// <param name="WirePath">Also write the <c>.eiw</c> wire file here.</param>
/// <param name="SparseOnnxPath">Also write ONNX with COO <c>sparse_initializer</c> here.</param>
/// <param name="MeasureAllSizes">Compute wire, COO and gzip −6 sizes in memory even where no file is asked for.</param>
/// <param name="Wire">Wire encoding options.</param>
/// <param name="ChannelMultiple">Channel only: round each pruned layer's kept channels up to this multiple (1 = exact pf; 8 suits SIMD kernels).</param>
public sealed record PruneFileOptions(
    double PruningFactor,
    PruningMethod Method = PruningMethod.Global,
    bool KeepFirstConvDense = false,
    bool KeepClassifierDense = false,
    long MinimumTensorElements = 0,
    string? WirePath = null,
    string? SparseOnnxPath = null,
    bool MeasureAllSizes = false,
    WireOptions? Wire = null,
    int ChannelMultiple = 1)
{
    /// <summary>Throws one <see cref="EdgeInferInputException"/> listing every invalid field.</summary>
    public PruneFileOptions Validated()
    {
        var problems = new List<string>();
        if (!Variants.PruningFactor.InRange(PruningFactor))
        {
            problems.Add(string.Create(
                CultureInfo.InvariantCulture, $"pruning factor must be in {Variants.PruningFactor.RangeText}, got {PruningFactor}"));
        }

        if (!Enum.IsDefined(Method))
        {
            problems.Add($"method must be one of {string.Join(", ", PruningMethods.Names)}, got {(int)Method}");
        }

        if (MinimumTensorElements < 0)
        {
            problems.Add($"minimum tensor elements must be >= 0, got {MinimumTensorElements}");
        }

        if (Method.NeedsCalibration())
        {
            // The data-aware methods need calibration images, which this data-free pipeline has none of.
            problems.Add($"method {Method.Name()} needs calibration images; build it with EdgeInfer.Compression's VariantBuilder");
        }

        if (ChannelMultiple is < 1 or > 1024)
        {
            problems.Add($"channel multiple must be in [1, 1024], got {ChannelMultiple}");
        }

        if (Method == PruningMethod.Channel && (KeepFirstConvDense || KeepClassifierDense || MinimumTensorElements > 0))
        {
            problems.Add("keep-first-conv, keep-classifier and minimum tensor size apply to global and layer pruning only");
        }

        try
        {
            (Wire ?? WireOptions.Default).Validated();
        }
        catch (EdgeInferInputException ex)
        {
            problems.Add(ex.Message.TrimEnd('.'));
        }

        return problems.Count == 0 ? this : throw new EdgeInferInputException("Invalid prune options: " + string.Join("; ", problems) + ".");
    }

    internal MagnitudePruningOptions Magnitude => new(
        PruningFactor,
        Method == PruningMethod.Layer ? PruningScope.Layer : PruningScope.Global,
        KeepFirstConvDense,
        KeepClassifierDense,
        MinimumTensorElements);
}
