using System.Text.Json.Serialization;

namespace EdgeInfer.Pruning.Variants;

/// <summary>
/// How a model is pruned. Names, parsing and the list of methods are owned by <see cref="PruningMethods"/>; a new method
/// adds a member here and a row there, nothing else. In JSON a method is its name (<c>"global"</c>).
/// </summary>
[JsonConverter(typeof(PruningMethodJsonConverter))]
public enum PruningMethod
{
    /// <summary>Unstructured magnitude pruning with one threshold over all prunable weights.</summary>
    Global,

    /// <summary>Unstructured magnitude pruning of each prunable tensor to the factor.</summary>
    Layer,

    /// <summary>Structured pruning: whole output channels with the smallest L1 norm are removed.</summary>
    Channel,

    /// <summary>
    /// Data-aware structured pruning: channels are chosen by the reconstruction error of their consumers' outputs on
    /// calibration images, the consumers' weights are re-fitted by least squares and the kept channels' statistics are
    /// corrected (ThiNet / He et al. 2017 style, no training).
    /// </summary>
    ChannelLs,
}
