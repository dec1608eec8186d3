using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Pruning.Pipeline;

/// <summary>Phase times of a file → file pruning run; <see cref="Total"/> is the end-to-end time.</summary>
public sealed record PruneTimings(Seconds Load, Seconds Select, Seconds Mask, Seconds Save)
{
    /// <summary>Load + select + mask + save.</summary>
    public Seconds Total => Load + Select + Mask + Save;
}
