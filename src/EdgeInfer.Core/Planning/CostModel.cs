using EdgeInfer.Core.Radio;

namespace EdgeInfer.Core.Planning;

/// <summary>
/// The paper's Eqs. (1)–(6), one method each, in SI units (bits, bit/s, seconds, watts, joules, bytes).
/// Lifetime costs over Q requests are <see cref="Line"/>s: what is paid once (model download, on-demand pruning) is the
/// intercept, what every request pays is the slope.
/// </summary>
public static class CostModel
{
    /// <summary>Eqs. (1) and (4): T = l/D, e.g. T_in = l_input/D_ul, T_res = l_res/D_dl, T_req = l_req/D_ul, T_model = l_model/D_dl.</summary>
    public static double TransferSeconds(double bits, double bitsPerSecond) => bits / bitsPerSecond;

    /// <summary>Eq. (2): T(edge) = T_in + T_pr + T_inf,e + T_res (pass T_pr = 0 unless the edge prunes on demand).</summary>
    public static double EdgeCycleDelaySeconds(double inputSeconds, double pruneSeconds, double edgeInferenceSeconds, double resultSeconds) =>
        inputSeconds + pruneSeconds + edgeInferenceSeconds + resultSeconds;

    /// <summary>Edge lifetime delay: T_pr + Q·(T_in + T_inf,e + T_res); the edge keeps the pruned model, so T_pr is paid once.</summary>
    public static Line EdgeLifetimeDelaySeconds(double inputSeconds, double pruneSeconds, double edgeInferenceSeconds, double resultSeconds) =>
        new(pruneSeconds, inputSeconds + edgeInferenceSeconds + resultSeconds);

    /// <summary>Eq. (3) per request, times Q: E_d(edge) = Q·(P_tx·T_in + (P_rx + P_E)·T_res).</summary>
    public static Line EdgeDeviceEnergyJoules(double txPowerWatts, double inputSeconds, double receivePowerWatts, double resultSeconds) =>
        new(0.0, (txPowerWatts * inputSeconds) + (receivePowerWatts * resultSeconds));

    /// <summary>Eq. (5): T(device) = T_req + T_pr + T_model + T_inf,d, the first request's cycle.</summary>
    public static double DeviceCycleDelaySeconds(double requestSeconds, double pruneSeconds, double modelSeconds, double deviceInferenceSeconds) =>
        requestSeconds + pruneSeconds + modelSeconds + deviceInferenceSeconds;

    /// <summary>Device lifetime delay: T_req + T_pr + T_model + Q·T_inf,d (the model is fetched once).</summary>
    public static Line DeviceLifetimeDelaySeconds(double requestSeconds, double pruneSeconds, double modelSeconds, double deviceInferenceSeconds) =>
        new(requestSeconds + pruneSeconds + modelSeconds, deviceInferenceSeconds);

    /// <summary>Eq. (6) over the lifetime: E_d(device) = P_tx·T_req + (P_rx + P_E)·T_model + Q·P_d·T_inf,d.</summary>
    public static Line DeviceEnergyJoules(
        double txPowerWatts, double requestSeconds, double receivePowerWatts, double modelSeconds, double computePowerWatts, double deviceInferenceSeconds) =>
        new((txPowerWatts * requestSeconds) + (receivePowerWatts * modelSeconds), computePowerWatts * deviceInferenceSeconds);

    /// <summary>
    /// Eqs. (3) and (6) over measured durations instead of l/D: the device energy of a run that transmitted for
    /// <paramref name="transmitSeconds"/> (T_in summed over the requests, or T_req), received for
    /// <paramref name="receiveSeconds"/> (T_res summed, or T_model) and inferred locally for
    /// <paramref name="computeSeconds"/> (the sum of T_inf,d; 0 when every request ran at the edge), in joules:
    /// P_tx·T_tx + (P_rx + P_E)·T_rx + P_d·T_compute. Both equations are this sum; Eq. (3) has no compute term.
    /// </summary>
    /// <param name="device">The power draws P_tx, P_rx, P_E and P_d.</param>
    /// <param name="transmitSeconds">Time spent transmitting, seconds (≥ 0).</param>
    /// <param name="receiveSeconds">Time spent receiving, seconds (≥ 0).</param>
    /// <param name="computeSeconds">Time spent inferring on the device, seconds (≥ 0).</param>
    public static double MeasuredDeviceEnergyJoules(DeviceProfile device, double transmitSeconds, double receiveSeconds, double computeSeconds)
    {
        ArgumentNullException.ThrowIfNull(device);
        var receivePower = device.RxPower.Value + device.BasebandPower.Value;
        // Eq. (6) with Q = 1 and T_inf,d the summed compute time; with computeSeconds = 0 it is Eq. (3) summed over requests.
        var energy = DeviceEnergyJoules(device.TxPower.Value, transmitSeconds, receivePower, receiveSeconds, device.ComputePower.Value, computeSeconds);
        return energy.At(1);
    }

    /// <summary>Edge energy of on-demand pruning, P_edge·T_pr, paid once; reported apart from the device energy.</summary>
    public static double EdgePruningEnergyJoules(double edgePowerWatts, double pruneSeconds) => edgePowerWatts * pruneSeconds;

    /// <summary>Exchanged data at the edge: Q·(l_input + l_res).</summary>
    public static Line EdgeExchangedBytes(long inputBytes, long resultBytes) => new(0.0, inputBytes + resultBytes);

    /// <summary>Exchanged data on the device: l_req + l_model, once.</summary>
    public static Line DeviceExchangedBytes(long requestBytes, long modelBytes) => new(requestBytes + modelBytes, 0.0);

    /// <summary>
    /// All costs of <paramref name="strategy"/> at the given rates (both must be positive). With
    /// <see cref="PlanningScenario.Overheads"/> set, their delays are added as measured terms beyond the paper: the request
    /// overhead to every offloaded request, the edge's session open once to edge-ondemand, the download overhead and the
    /// variant's <see cref="ModelVariantCosts.DeviceDecode"/> and <see cref="ModelVariantCosts.DeviceSessionOpen"/> once to device
    /// strategies; energy and data are unchanged.
    /// </summary>
    public static StrategyCosts Costs(in PlanningInputs inputs, Strategy strategy, LinkRates rates)
    {
        var ul = rates.Uplink.Value;
        var dl = rates.Downlink.Value;
        var variant = strategy.UsesPrunedModel() ? inputs.Pruned : inputs.Full;
        var prune = strategy.PrunesOnDemand() ? variant.PruneSeconds : 0.0;
        var edgeEnergy = EdgePruningEnergyJoules(inputs.EdgePowerWatts, prune);
        if (strategy.RunsAtEdge())
        {
            var tIn = TransferSeconds(inputs.InputBits, ul);
            var tRes = TransferSeconds(inputs.ResultBits, dl);
            // Measured overheads (0 in the paper's model): per request, and the pruned variant's session open once.
            var once = prune + (strategy.PrunesOnDemand() ? inputs.EdgeSessionOpenSeconds : 0.0);
            var perRequest = variant.EdgeInferenceSeconds + inputs.RequestOverheadSeconds;
            return new StrategyCosts(
                strategy,
                EdgeCycleDelaySeconds(tIn, once, perRequest, tRes),
                EdgeLifetimeDelaySeconds(tIn, once, perRequest, tRes),
                EdgeDeviceEnergyJoules(inputs.TxPowerWatts, tIn, inputs.ReceivePowerWatts, tRes),
                new Line(0.0, inputs.EdgeExchangedBytesPerRequest),
                edgeEnergy);
        }

        var tReq = TransferSeconds(inputs.RequestBits, ul);
        var tModel = TransferSeconds(variant.SizeBits, dl);
        // Measured terms beyond the paper (0 by default), paid once: download overhead, device decode and session open.
        var setup = inputs.DownloadOverheadSeconds + variant.DeviceSetupSeconds;
        return new StrategyCosts(
            strategy,
            DeviceCycleDelaySeconds(tReq, prune, tModel + setup, variant.DeviceInferenceSeconds),
            DeviceLifetimeDelaySeconds(tReq, prune, tModel + setup, variant.DeviceInferenceSeconds),
            DeviceEnergyJoules(inputs.TxPowerWatts, tReq, inputs.ReceivePowerWatts, tModel, inputs.ComputePowerWatts, variant.DeviceInferenceSeconds),
            DeviceExchangedBytes(inputs.RequestBytes, variant.SizeBytes),
            edgeEnergy);
    }
}
