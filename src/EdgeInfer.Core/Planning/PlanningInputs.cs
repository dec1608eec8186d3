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
    public long Requests { get; }

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

    internal double BatteryJoules { get; }

    internal double MaxCycleDelaySeconds { get; }

    /// <summary>NaN when unconstrained.</summary>
    internal double MinTop1 { get; }

    /// <summary>NaN when unconstrained.</summary>
    internal double MinTop5 { get; }

    internal VariantInputs Full { get; }

    internal VariantInputs Pruned { get; }

    internal readonly struct VariantInputs(ModelVariantCosts costs)
    {
        public double SizeBits { get; } = costs.Size.Bits;

        public long SizeBytes { get; } = costs.Size.Value;

        public double DeviceInferenceSeconds { get; } = costs.DeviceInference.Value;

        public double EdgeInferenceSeconds { get; } = costs.EdgeInference.Value;

        public double PruneSeconds { get; } = costs.Prune.Value;

        /// <summary>Device decode + device session open (beyond the paper, 0 by default).</summary>
        public double DeviceSetupSeconds { get; } = costs.DeviceDecode.Value + costs.DeviceSessionOpen.Value;

        /// <summary>NaN when unknown.</summary>
        public double Top1 { get; } = costs.Top1 ?? double.NaN;

        /// <summary>NaN when unknown.</summary>
        public double Top5 { get; } = costs.Top5 ?? double.NaN;
    }
}
