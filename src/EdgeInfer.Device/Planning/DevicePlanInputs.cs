using EdgeInfer.Contracts;
using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Radio;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Runtime.Profiles;

namespace EdgeInfer.Device.Planning;

/// <summary>
/// What <see cref="DevicePlanning.Plan"/> plans from: what the edge said (catalog entry and status), the pruned variant
/// and the workload, and the device's own measurements. A device re-plans with <c>with</c> on a fresh status.
/// </summary>
public sealed record DevicePlanInputs
{
    /// <summary>The edge's catalog entry of the model (<c>GET /v1/models/{name}</c>).</summary>
    public required ModelView Model { get; init; }

    /// <summary>The edge's status (<c>GET /v1/status</c>).</summary>
    public required StatusView Status { get; init; }

    /// <summary>The pruned variant the pruned strategies use.</summary>
    public required ModelVariant Pruned { get; init; }

    /// <summary>Q, the requests of the model's lifetime (≥ 1).</summary>
    public required long Requests { get; init; }

    /// <summary>Bytes one inference uploads (l_input).</summary>
    public required long InputBytes { get; init; }

    /// <summary>The radio model the link rates come from. Default <see cref="RadioOptions.Default"/>.</summary>
    public RadioOptions Radio { get; init; } = RadioOptions.Default;

    /// <summary>Measured device times (<c>profile --role device</c>), or null (estimated from the edge's).</summary>
    public ProfileDocument? DeviceProfile { get; init; }

    /// <summary>Bytes of one result (l_res). Default the paper's 2 kB.</summary>
    public long ResultBytes { get; init; } = 2000;

    /// <summary>Format the device downloads pruned models in: <c>wire</c> (default), <c>onnx</c> or <c>sparse-onnx</c>.</summary>
    public string PrunedFormat { get; init; } = "wire";

    /// <summary>Measured protocol overheads (<see cref="OverheadProbe"/>), or null to plan with the paper's terms only.</summary>
    public MeasuredOverheads? Overheads { get; init; }

    /// <summary>
    /// The minimum accuracy a variant must have for its strategies to be chosen (<c>device --min-top1/--min-top5</c>),
    /// checked against the edge's recorded Top-1/Top-5; default none.
    /// </summary>
    public PlanningConstraints Constraints { get; init; } = new();

    /// <summary>True once this device process has opened a downloaded model: later opens do not pay the first one's extra cost.</summary>
    public bool DeviceOpenedModel { get; init; }
}
