namespace EdgeInfer.Contracts;

/// <summary>The edge's start-up warm-up (part of <c>GET /v1/status</c>) and its prune-rate calibration.</summary>
/// <param name="Done">True once the warm-up ended (or when it is disabled): the server is ready.</param>
/// <param name="Model">The model it pruned (the smallest full one), or null.</param>
/// <param name="ModelBytes">That model's file size.</param>
/// <param name="PruneSeconds">
/// The median timed calibration prune (pf 0.7, file to file with the wire encoding) under the server's load.
/// </param>
/// <param name="PruneBytesPerSecond">
/// Model bytes per second of that prune: a device estimates T_pr of a model the edge has not pruned yet as its size over this.
/// </param>
/// <param name="SessionOpenSeconds">
/// Opening a freshly pruned result as an inference request opens a session (with its warm-up run): what edge-ondemand
/// pays after T_pr when the edge reports no open of that variant yet.
/// </param>
/// <param name="Error">Why the warm-up failed, or null.</param>
public sealed record WarmupView(
    bool Done, string? Model, long? ModelBytes, double? PruneSeconds, double? PruneBytesPerSecond, double? SessionOpenSeconds, string? Error);
