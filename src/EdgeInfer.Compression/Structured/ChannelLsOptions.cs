using EdgeInfer.Core;
using EdgeInfer.Pruning.Structured;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Compression.Structured;

/// <summary>
/// Options of <see cref="ChannelLsPruner"/>: how many channels to remove (exactly one of a uniform <see cref="Factor"/> or
/// a MACs <see cref="Budget"/>) and the knobs of the data-aware selection and reconstruction, with their defaults.
/// </summary>
public sealed record ChannelLsOptions
{
    /// <summary>
    /// Uniform pruning factor: every group keeps <see cref="ChannelPruner.ChannelsToKeep"/>(pf, M, multiple) channels, as
    /// <c>channel</c> does. Zero with a <see cref="Budget"/>.
    /// </summary>
    public PruningFactor Factor { get; init; }

    /// <summary>Fraction of the model's MACs to keep; per-group counts are allocated by measured sensitivity. Null with a <see cref="Factor"/>.</summary>
    public MacsBudget? Budget { get; init; }

    /// <summary>Kept channel counts are multiples of this (or the full count), ≥ 1; 8 or 16 suit SIMD kernels.</summary>
    public int ChannelMultiple { get; init; } = 1;

    /// <summary>Ridge λ relative to the mean diagonal of the centred Gram matrix, in [0, 1]; default 1e-3.</summary>
    public double Ridge { get; init; } = 1e-3;

    /// <summary>About how many sampled output positions each re-fitted Conv's least squares uses (rows), ≥ 16; default 4,096.</summary>
    public int SampledRows { get; init; } = 4096;

    /// <summary>Output channels sampled per position for channel selection (ThiNet's pairs), ≥ 1; default 4.</summary>
    public int PairsPerPosition { get; init; } = 4;

    /// <summary>
    /// Calibration images run through the pruned network for the sequential re-fit and the statistics correction (evenly
    /// spaced over the set; all when the set has fewer), ≥ 1; default 256. Channel selection uses every calibration image.
    /// </summary>
    public int SequentialImages { get; init; } = 256;

    /// <summary>A budget never leaves a group fewer than this fraction of its channels, in [0, 1]; default 0.125.</summary>
    public double MinimumKeptFraction { get; init; } = 0.125;

    /// <summary>How channels are ranked for removal; default <see cref="ChannelLsSelection.Surgeon"/>.</summary>
    public ChannelLsSelection Selection { get; init; } = ChannelLsSelection.Surgeon;

    /// <summary>The statistics correction after each re-fit; default <see cref="ChannelLsCorrection.Mean"/>.</summary>
    public ChannelLsCorrection Correction { get; init; } = ChannelLsCorrection.Mean;

    /// <summary>
    /// Also re-fit the consumers of groups that keep every channel once anything before them changed, so their outputs
    /// track the original network's again (default true).
    /// </summary>
    public bool RefitUnprunedConsumers { get; init; } = true;

    /// <summary>Seed of the sampled positions and pairs: same inputs and seed, same model.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>ONNX Runtime intra-op threads for the calibration passes; null = all cores.</summary>
    public int? IntraOpThreads { get; init; }

    /// <summary>Images per ONNX Runtime run in the calibration passes, ≥ 1; default 16.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Returns these options, or throws one <see cref="EdgeInferInputException"/> listing every problem.</summary>
    public ChannelLsOptions Validated()
    {
        var problems = new List<string>();
        if (Factor.IsZero == (Budget is null))
        {
            problems.Add("exactly one of a pruning factor above 0 or a MACs budget must be given");
        }

        Check(problems, ChannelMultiple >= 1, $"channel multiple must be >= 1, got {ChannelMultiple}");
        Check(problems, Ridge is >= 0 and <= 1, $"ridge must be in [0, 1], got {Ridge}");
        Check(problems, SampledRows >= 16, $"sampled rows must be >= 16, got {SampledRows}");
        Check(problems, PairsPerPosition >= 1, $"pairs per position must be >= 1, got {PairsPerPosition}");
        Check(problems, SequentialImages >= 1, $"sequential images must be >= 1, got {SequentialImages}");
        Check(problems, MinimumKeptFraction is >= 0 and <= 1, $"minimum kept fraction must be in [0, 1], got {MinimumKeptFraction}");
        Check(problems, Enum.IsDefined(Selection), $"selection {Selection} is unknown");
        Check(problems, Enum.IsDefined(Correction), $"correction {Correction} is unknown");
        Check(problems, IntraOpThreads is null or >= 1, $"intra-op threads must be >= 1, got {IntraOpThreads}");
        Check(problems, BatchSize >= 1, $"batch size must be >= 1, got {BatchSize}");
        return problems.Count == 0 ? this : throw new EdgeInferInputException("Invalid channel-ls options: " + string.Join("; ", problems) + ".");
    }

    private static void Check(List<string> problems, bool ok, FormattableString problem)
    {
        if (!ok)
        {
            problems.Add(FormattableString.Invariant(problem));
        }
    }
}
