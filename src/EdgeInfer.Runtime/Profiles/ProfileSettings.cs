namespace EdgeInfer.Runtime.Profiles;

/// <summary>The exact settings one role was measured with.</summary>
public sealed record ProfileSettings
{
    /// <summary>Timed runs per measurement (warm-up excluded).</summary>
    public required int Samples { get; init; }

    /// <summary>Untimed runs before each measurement (after opening the session, and again after each load level starts).</summary>
    public required int WarmupRuns { get; init; }

    /// <summary>Intra-op threads of the measured session.</summary>
    public required int IntraOpThreads { get; init; }

    /// <summary>Whether idle intra-op threads spin.</summary>
    public required bool AllowSpinning { get; init; }

    /// <summary>Load levels (concurrent background tasks); <c>[0]</c> for the device role.</summary>
    public required IReadOnlyList<int> Loads { get; init; }

    /// <summary>The model the background tasks run, or null when each measured variant is its own load (the default).</summary>
    public string? LoadModel { get; init; }

    /// <summary>Timed prunings per load level for pruned variants (0 when not measured).</summary>
    public int PruneSamples { get; init; }
}
