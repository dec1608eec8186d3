namespace EdgeInfer.Core.Planning;

/// <summary>
/// The six ways to serve Q inference requests. Names on the wire: <c>edge-full</c>, <c>edge-prepruned</c>, <c>edge-ondemand</c>,
/// <c>device-full</c>, <c>device-prepruned</c>, <c>device-ondemand</c> (see <see cref="Strategies.Name"/>).
/// "prepruned": the pruned model is already in the edge repository; "ondemand": the edge prunes it first (T_pr, paid once).
/// </summary>
public enum Strategy
{
    /// <summary>Inference at the edge with the full model (Eq. 2 without T_pr).</summary>
    EdgeFull = 0,

    /// <summary>Inference at the edge with a pruned model already in the repository.</summary>
    EdgePrepruned = 1,

    /// <summary>Inference at the edge with a model the edge prunes on demand (T_pr once per model lifetime).</summary>
    EdgeOndemand = 2,

    /// <summary>Download the full model, infer on the device (Eq. 5 without T_pr).</summary>
    DeviceFull = 3,

    /// <summary>Download a pruned model already in the repository, infer on the device.</summary>
    DevicePrepruned = 4,

    /// <summary>The edge prunes the model on demand, the device downloads it and infers locally.</summary>
    DeviceOndemand = 5,
}
