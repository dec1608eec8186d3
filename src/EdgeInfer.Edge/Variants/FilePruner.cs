using EdgeInfer.Compression.Building;
using EdgeInfer.Compression.Calibration;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Pruning.Wire;
using PruningFile = EdgeInfer.Models.Files.OnnxModelFile;

namespace EdgeInfer.Edge.Variants;

/// <summary>
/// The real builder behind <see cref="IModelPruner"/>: <see cref="VariantBuilder"/>, file → file with atomic writes, for
/// every variant kind. Variants that need calibration images (<c>channel-ls</c>, <c>int8</c>) get them from
/// <paramref name="calibration"/>, which the host supplies (<c>edgeinfer serve</c>: its <c>--calibration</c> images); without
/// one, asking for such a variant is a 400 that says so.
/// </summary>
/// <param name="calibration">Calibration images for data-aware variants, or null.</param>
public sealed class FilePruner(CalibrationProvider? calibration = null) : IModelPruner
{
    private readonly VariantBuildOptions options = new VariantBuildOptions { Calibration = calibration }.Validated();

    /// <summary>True when this builder has calibration images, so it can build <c>channel-ls</c> and <c>int8</c> variants.</summary>
    public bool HasCalibration => calibration is not null;

    /// <inheritdoc />
    public void Prune(string input, string output, ModelVariant variant, string? wireOutput = null)
    {
        ArgumentNullException.ThrowIfNull(variant);
        if (variant.IsFull)
        {
            throw new ArgumentException($"{variant} is the full model; there is nothing to build.", nameof(variant));
        }

        if (variant.NeedsCalibration && calibration is null)
        {
            throw new Core.EdgeInferInputException(
                $"This edge server has no calibration images, so it cannot build {variant} on demand "
                + "(channel-ls and int8 need them); start it with calibration images, or add the variant to its repository.");
        }

        VariantBuilder.BuildFile(input, output, variant, options with { WirePath = wireOutput });
    }

    /// <inheritdoc />
    public void EncodeWire(string input, string output) => WireCodec.EncodeFile(input, output);

    /// <inheritdoc />
    public void EncodeSparseOnnx(string input, string output) =>
        PruningFile.Save(SparseOnnxExporter.ToCoo(PruningFile.Load(input)), output);
}
