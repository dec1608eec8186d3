using Onnx;

namespace EdgeInfer.Compression.Structured;

/// <summary>
/// A Conv whose input channels some group may shrink, so its weights are re-fitted: where it reads and writes, its weights
/// in the original network, the positions sampled on it, and what the original network's pass left for it (targets,
/// per-channel statistics of its output, and the contribution accumulators of the groups it consumes).
/// </summary>
internal sealed class RefitConv
{
    /// <summary>Creates the record of <paramref name="node"/>, the <paramref name="index"/>-th re-fitted Conv in node order.</summary>
    public RefitConv(int index, NodeProto node, float[] weight, int outputs, int inputs, int kernelH, int kernelW, double[] outputWeights)
    {
        Index = index;
        Node = node;
        Weight = weight;
        Outputs = outputs;
        Inputs = inputs;
        KernelH = kernelH;
        KernelW = kernelW;
        OutputWeights = outputWeights;
    }

    /// <summary>Position among the re-fitted Convs (seeds the sampled positions).</summary>
    public int Index { get; }

    /// <summary>The Conv node of the model being pruned.</summary>
    public NodeProto Node { get; }

    /// <summary>Name of the data input.</summary>
    public string Input => Node.Input[0];

    /// <summary>Name of the output.</summary>
    public string Output => Node.Output[0];

    /// <summary>The original weight [O, C, kH, kW].</summary>
    public float[] Weight { get; }

    /// <summary>Output channels O of the original Conv.</summary>
    public int Outputs { get; }

    /// <summary>Input channels C of the original Conv.</summary>
    public int Inputs { get; }

    /// <summary>Kernel height.</summary>
    public int KernelH { get; }

    /// <summary>Kernel width.</summary>
    public int KernelW { get; }

    /// <summary>
    /// Weight of each output channel in errors and in channel selection: (γ/√(σ²+ε))² when a BatchNormalization follows
    /// (its output is what the next layers see), else 1.
    /// </summary>
    public double[] OutputWeights { get; }

    /// <summary>The geometry, known once the input's size has been seen.</summary>
    public ConvGeometry Geometry { get; set; }

    /// <summary>Output height and width.</summary>
    public (int H, int W) OutputSize { get; set; }

    /// <summary>Sampled positions per image.</summary>
    public int PositionsPerImage { get; set; }

    /// <summary>Original outputs at the sampled positions of the sequential images, [images·positions × O].</summary>
    public float[] Targets { get; set; } = [];

    /// <summary>Per-channel mean of the original output over every position of the sequential images.</summary>
    public double[] Mean { get; set; } = [];

    /// <summary>Per-channel variance of the original output over every position of the sequential images.</summary>
    public double[] Variance { get; set; } = [];

    /// <summary>The groups whose channels this Conv reads, with their contribution accumulators.</summary>
    public List<ContributionAccumulator> Contributions { get; } = [];

    /// <summary>Relative reconstruction error of the re-fit (weighted by <see cref="OutputWeights"/>), NaN until re-fitted.</summary>
    public double Error { get; set; } = double.NaN;
}
