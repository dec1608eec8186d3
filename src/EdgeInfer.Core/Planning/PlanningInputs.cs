using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Core.Planning;

/// <summary>
/// A validated <see cref="PlanningScenario"/> flattened to SI doubles for the hot path (no allocation, no re-validation).
/// Only <see cref="PlanningScenario.ToInputs"/> makes one, so every instance is valid (except <c>default</c>, which the planner rejects).
/// </summary>
public readonly struct PlanningInputs
{
    internal PlanningInputs(PlanningScenario scenario)
    {
        Scenario = scenario;
        var w = scenario.Workload;
        var d = scenario.Device;
        var m = scenario.Model;
        Requests = w.Requests;
        InputBits = w.InputSize.Bits;
        ResultBits = w.ResultSize.Bits;
        RequestBits = w.RequestSize.Bits;
        EdgeExchangedBytesPerRequest = w.InputSize.Value + w.ResultSize.Value;
        RequestBytes = w.RequestSize.Value;
        TxPowerWatts = d.TxPower.Value;
        ReceivePowerWatts = d.RxPower.Value + d.BasebandPower.Value;
        ComputePowerWatts = d.ComputePower.Value;
        EdgePowerWatts = scenario.Edge.ComputePower.Value;
        BatteryJoules = d.Battery is { } battery ? Conversions.ToJoules(battery).Value : double.PositiveInfinity;
        MaxCycleDelaySeconds = scenario.Constraints.MaxCycleDelay?.Value ?? double.PositiveInfinity;
        MinTop1 = scenario.Constraints.MinTop1 ?? double.NaN;
        MinTop5 = scenario.Constraints.MinTop5 ?? double.NaN;
        Full = new VariantInputs(m.Full);
        Pruned = new VariantInputs(m.Pruned);
        Objective = scenario.Objective;
        RequestOverheadSeconds = scenario.Overheads.Request.Value;
        DownloadOverheadSeconds = scenario.Overheads.Download.Value;
        EdgeSessionOpenSeconds = scenario.Overheads.EdgeSessionOpen.Value;
    }

    /// <summary>The scenario these inputs came from (null for <c>default</c>).</summary>
    public PlanningScenario? Scenario { get; }

    /// <summary>Q.</summary>
    public long Requests { get; private init; }

    /// <summary>What the planner minimises.</summary>
    public Objective Objective { get; }

    internal double InputBits { get; }

    internal double RequestOverheadSeconds { get; }

    internal double DownloadOverheadSeconds { get; }

    internal double EdgeSessionOpenSeconds { get; }

    internal double ResultBits { get; }

    internal double RequestBits { get; }

    internal long EdgeExchangedBytesPerRequest { get; }

    internal long RequestBytes { get; }

    internal double TxPowerWatts { get; }

    /// <summary>P_rx + P_E: both are paid while the device receives.</summary>
    internal double ReceivePowerWatts { get; }

    internal double ComputePowerWatts { get; }

    internal double EdgePowerWatts { get; }

    internal double BatteryJoules { get; private init; }

    internal double MaxCycleDelaySeconds { get; }

    /// <summary>NaN when unconstrained.</summary>
    internal double MinTop1 { get; }

    /// <summary>NaN when unconstrained.</summary>
    internal double MinTop5 { get; }

    internal VariantInputs Full { get; private init; }

    internal VariantInputs Pruned { get; private init; }

    /// <summary>
    /// These inputs with the live figures of one decision replaced, without allocating or re-validating: the requests
    /// left in the model lifetime (Q ≥ 1), the edge inference times of both variants and the pruning time under the
    /// edge's current load (seconds, finite and ≥ 0), and the battery energy left (null: no battery constraint). For callers
    /// that plan many times with one scenario, e.g. the cell simulator's per-request use of the paper's rule.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A figure outside its range (the message names it).</exception>
    public PlanningInputs WithLive(long requests, Seconds fullEdgeInference, Seconds prunedEdgeInference, Seconds prune, Joules? battery)
    {
        if (Scenario is null)
        {
            throw new InvalidOperationException("PlanningInputs must come from PlanningScenario.ToInputs().");
        }

        if (requests is < 1 or > Workload.MaxRequests)
        {
            throw new ArgumentOutOfRangeException(nameof(requests), requests, $"Q must be between 1 and {Workload.MaxRequests}.");
        }

        if (EdgeExchangedBytesPerRequest > long.MaxValue / requests)
        {
            throw new ArgumentOutOfRangeException(nameof(requests), requests, "Q times (inputBytes + resultBytes) overflows a 64-bit byte count.");
        }

        return this with
        {
            Requests = requests,
            BatteryJoules = battery?.Value ?? double.PositiveInfinity,
            Full = Full with { EdgeInferenceSeconds = fullEdgeInference.Value },
            Pruned = Pruned with { EdgeInferenceSeconds = prunedEdgeInference.Value, PruneSeconds = prune.Value },
        };
    }

    internal readonly struct VariantInputs(ModelVariantCosts costs)
    {
        public double SizeBits { get; } = costs.Size.Bits;

        public long SizeBytes { get; } = costs.Size.Value;

        public double DeviceInferenceSeconds { get; } = costs.DeviceInference.Value;

        public double EdgeInferenceSeconds { get; init; } = costs.EdgeInference.Value;

        public double PruneSeconds { get; init; } = costs.Prune.Value;

        /// <summary>Device decode + device session open (beyond the paper, 0 by default).</summary>
        public double DeviceSetupSeconds { get; } = costs.DeviceDecode.Value + costs.DeviceSessionOpen.Value;

        /// <summary>NaN when unknown.</summary>
        public double Top1 { get; } = costs.Top1 ?? double.NaN;

        /// <summary>NaN when unknown.</summary>
        public double Top5 { get; } = costs.Top5 ?? double.NaN;
    }
}
