namespace EdgeInfer.Study.Config;

/// <summary>
/// The two presets of <c>edgeinfer reproduce --preset</c>. <c>quick</c> (the default) measures loads up to 16 with few
/// samples so the whole study ends within about twenty minutes on a 2-core machine (most of it the channel-ls builds of
/// ResNet-152; see docs/experiments.md); <c>paper</c> measures loads up to 100
/// as the paper does, with more samples (it takes as long as it takes; see docs/experiments.md).
/// </summary>
public static class StudyPresets
{
    /// <summary>The preset names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["quick", "paper"];

    /// <summary>Loads 0, 4, 16; 5 samples, 1 warm-up, 3 prunings per load; 500 accuracy images.</summary>
    public static StudyConfig Quick { get; } = new()
    {
        EdgeLoads = [0, 4, 16],
        Samples = 5,
        WarmupRuns = 1,
        PruneSamples = 3,
        AccuracyImages = 500,
    };

    /// <summary>Loads 0, 10, 20, …, 100 as the paper; 10 samples, 2 warm-ups, 2 prunings per load; 1,000 accuracy images.</summary>
    public static StudyConfig Paper { get; } = new()
    {
        EdgeLoads = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100],
        Samples = 10,
        WarmupRuns = 2,
        PruneSamples = 2,
        AccuracyImages = 1000,
    };

    /// <summary>The preset called <paramref name="name"/>.</summary>
    /// <exception cref="Core.EdgeInferInputException">Unknown name (the allowed names are listed).</exception>
    public static StudyConfig Get(string name) => name.ToLowerInvariant() switch
    {
        "quick" => Quick,
        "paper" => Paper,
        _ => throw new Core.EdgeInferInputException($"Unknown preset '{name}'; allowed: {string.Join(", ", Names)}."),
    };
}
