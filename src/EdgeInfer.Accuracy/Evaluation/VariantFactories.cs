using EdgeInfer.Accuracy.Datasets;
using EdgeInfer.Compression.Building;

namespace EdgeInfer.Accuracy.Evaluation;

/// <summary>The ways of building a variant in memory (<see cref="VariantFactory"/>): all through <see cref="VariantBuilder"/>.</summary>
public static class VariantFactories
{
    /// <summary>
    /// The factory every host uses unless told otherwise: <see cref="VariantBuilder.BuildInMemory"/> with the default
    /// calibration images (<see cref="CalibrationImages.Provider"/>: the embedded Fashion-MNIST training subset,
    /// preprocessed for the model) for the kinds that need them (<c>channel-ls</c>, <c>int8</c>).
    /// </summary>
    public static VariantFactory Default { get; } = Builder(new VariantBuildOptions { Calibration = CalibrationImages.Provider() });

    /// <summary>Builds every kind through <see cref="VariantBuilder.BuildInMemory"/> with <paramref name="options"/>.</summary>
    public static VariantFactory Builder(VariantBuildOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (fullModel, variant, _) => VariantBuilder.BuildInMemory(fullModel, variant, options);
    }
}
