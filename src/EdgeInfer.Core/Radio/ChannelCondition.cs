namespace EdgeInfer.Core.Radio;

/// <summary>Which propagation condition the link rates assume.</summary>
public enum ChannelCondition
{
    /// <summary>Line of sight: the LOS path loss (PL1 below the breakpoint, PL2 above).</summary>
    Los,

    /// <summary>Non line of sight: max(PL_LOS, PL'_NLOS).</summary>
    Nlos,

    /// <summary>Rates weighted by the LOS probability: P_LOS·R_LOS + (1 − P_LOS)·R_NLOS.</summary>
    Expected,
}
