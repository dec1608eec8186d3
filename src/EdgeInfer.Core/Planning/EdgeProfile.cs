using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Core.Planning;

/// <summary>The edge server: its load (reported only; the edge inference times already reflect it) and power.</summary>
public sealed record EdgeProfile
{
    /// <summary>Edge load (e.g. busy containers, 0–100 in the paper) under which the edge times were measured. Default 0.</summary>
    public double Load { get; init; }

    /// <summary>Edge power P_edge while pruning; on-demand strategies report P_edge·T_pr. Default 131.26 W.</summary>
    public Watts ComputePower { get; init; } = new(131.26);
}
