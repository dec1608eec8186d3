using EdgeInfer.Simulation.Policies;
using EdgeInfer.Simulation.Scenarios;
using EdgeInfer.Simulation.Statistics;

namespace EdgeInfer.Simulation.Engine;

/// <summary>Statistics: every finished request is recorded once; servers are read at the end of the measured window.</summary>
internal sealed partial class SimulationRun
{
    private readonly LogHistogram delays = new();
    private long counted;
    private long inFlight;
    private long droppedBattery;
    private long deadlineRequests;
    private long deadlineMisses;
    private long depletions;
    private long storeHits;
    private long storeMisses;
    private long prunes;
    private long edgeRequests;
    private long downloads;
    private long accuracyCount;
    private double accuracySum;
    private double delaySum;
    private double energySum;
    private long uplinkBytes;
    private long downlinkBytes;
    private double edgeBusySeconds;
    private double edgePruneSeconds;
    private double edgeJobSeconds;

    private void Record(int d, int variant, double arrival, double done, double energy, long bytes, PlacementSite site, bool downloaded)
    {
        batteryLeft[d] -= energy;
        var inWindow = arrival >= warmup && arrival < end;
        if (batteryLeft[d] <= 0 && !depleted[d])
        {
            depleted[d] = true;
            depletions += inWindow ? 1 : 0;
        }

        if (!inWindow)
        {
            return;
        }

        var delay = done - arrival;
        counted++;
        delaySum += delay;
        energySum += energy;
        delays.Record(delay);
        var appClass = deviceClass[d];
        if (!double.IsPositiveInfinity(c.DeadlineSeconds[appClass]))
        {
            deadlineRequests++;
            deadlineMisses += delay > c.DeadlineSeconds[appClass] ? 1 : 0;
        }

        if (!double.IsNaN(c.Top1[variant]))
        {
            accuracyCount++;
            accuracySum += c.Top1[variant];
        }

        if (site == PlacementSite.Edge)
        {
            edgeRequests++;
            uplinkBytes += c.InputBytes;
            downlinkBytes += c.ResultBytes;
        }
        else if (downloaded)
        {
            downloads++;
            uplinkBytes += c.RequestBytes;
            downlinkBytes += bytes - c.RequestBytes;
        }

        if (sink is not null)
        {
            var model = c.VariantModel[variant];
            sink.Record(new RequestRecord(
                arrival, delay, energy, bytes, c.Top1[variant], site, downloaded, d, deviceCell[d], appClass, model, variant - c.ModelFirst[model]));
        }
    }

    private void SnapshotServers()
    {
        for (var cell = 0; cell < stores.Length; cell++)
        {
            var edge = servers[(cell * 3) + EdgeServer];
            edgeBusySeconds += edge.BusySeconds;
            edgePruneSeconds += edge.PruneBusySeconds;
            edgeJobSeconds += edge.JobSeconds;
        }
    }

    private SimulationResult Result()
    {
        var window = end - warmup;
        var cells = stores.Length;
        var n = Math.Max(1, counted);
        return new SimulationResult
        {
            Policy = policy.Name,
            Eviction = EvictionNames.Name(eviction),
            Seed = seed,
            Requests = counted,
            Unfinished = inFlight,
            DroppedBattery = droppedBattery,
            MeanDelaySeconds = counted == 0 ? double.NaN : delaySum / counted,
            P50DelaySeconds = delays.Quantile(0.5),
            P90DelaySeconds = delays.Quantile(0.9),
            P99DelaySeconds = delays.Quantile(0.99),
            DeadlineMissRate = deadlineRequests == 0 ? double.NaN : (double)deadlineMisses / deadlineRequests,
            MeanDeviceEnergyJoules = counted == 0 ? double.NaN : energySum / counted,
            TotalDeviceEnergyJoules = energySum,
            BatteryDepletions = depletions,
            UplinkBytes = uplinkBytes,
            DownlinkBytes = downlinkBytes,
            EdgeUtilisation = edgeBusySeconds / (window * cells),
            MeanEdgeJobs = edgeJobSeconds / (window * cells),
            EdgeEnergyJoules = c.EdgeWatts * edgeBusySeconds,
            EdgePruneEnergyJoules = c.EdgeWatts * edgePruneSeconds,
            StoreHitRate = storeHits + storeMisses == 0 ? double.NaN : (double)storeHits / (storeHits + storeMisses),
            Prunes = prunes,
            MeanTop1 = accuracyCount == 0 ? double.NaN : accuracySum / accuracyCount,
            EdgeShare = (double)edgeRequests / n,
            DownloadShare = (double)downloads / n,
            Events = eventCount,
            SimulatedSeconds = now,
            Delays = delays,
        };
    }
}
