namespace EdgeInfer.Core.Planning;

/// <summary>Which constraints a strategy violates (flags, so the hot path allocates no strings).</summary>
[Flags]
public enum ConstraintViolations
{
    /// <summary>Feasible.</summary>
    None = 0,

    /// <summary>Top-1 below minTop1, or unknown while minTop1 is set.</summary>
    Top1 = 1,

    /// <summary>Top-5 below minTop5, or unknown while minTop5 is set.</summary>
    Top5 = 2,

    /// <summary>Cycle delay above maxCycleDelaySeconds.</summary>
    CycleDelay = 4,

    /// <summary>Lifetime device energy above the battery capacity.</summary>
    Battery = 8,
}
