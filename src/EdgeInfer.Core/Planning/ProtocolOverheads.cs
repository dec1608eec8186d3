using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Core.Planning;

/// <summary>
/// Measured time terms of a real deployment that the paper's Eqs. (1)–(6) do not have (beyond the paper; all default
/// to 0, which is the paper's model exactly). A device measures them against the edge it talks to (see
/// <c>docs/cost-model.md</c>, "Protocol overheads"). They add delay only: the device waits idle through them, and the
/// paper's energy terms count radio and compute time alone. <see cref="Seconds"/> already rejects negative and non-finite values.
/// </summary>
public sealed record ProtocolOverheads
{
    /// <summary>
    /// Per offloaded request, beyond T_in + T_inf,e + T_res: HTTP handling on both ends, connection and framing, and the
    /// edge's request work under its load. Added Q times to edge strategies. Default 0.
    /// </summary>
    public Seconds Request { get; init; }

    /// <summary>
    /// Once per model download, beyond T_req + T_model: the edge's time to first byte and the device's write of the file.
    /// Added to device strategies' cycle and lifetime. Default 0.
    /// </summary>
    public Seconds Download { get; init; }

    /// <summary>
    /// Once per on-demand-pruned variant at the edge: its session open, i.e. opening it for inference (ORT session and its
    /// warm-up run), paid with T_pr by edge-ondemand. Default 0.
    /// </summary>
    public Seconds EdgeSessionOpen { get; init; }
}
