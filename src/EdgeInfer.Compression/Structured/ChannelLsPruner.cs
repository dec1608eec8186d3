using EdgeInfer.Compression.Calibration;
using EdgeInfer.Core;
using Onnx;

namespace EdgeInfer.Compression.Structured;

/// <summary>PLACEHOLDER for helper hA's <c>channel-ls</c> pruner (the integrator drops this file).</summary>
public static class ChannelLsPruner
{
    /// <summary>Not built yet: always throws.</summary>
    /// <exception cref="EdgeInferInputException">Always.</exception>
    public static ChannelLsResult PruneInPlace(
        ModelProto model, CalibrationSet calibration, ChannelLsOptions options, IProgress<string>? progress = null) =>
        throw new EdgeInferInputException("channel-ls is not built yet.");
}
