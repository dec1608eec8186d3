using EdgeInfer.Simulation.Policies;
using EdgeInfer.Simulation.Scenarios;

namespace EdgeInfer.Simulation.Engine;

/// <summary>
/// The request flow. Offloaded: upload the input (shared uplink) → the variant, pruned on demand if the store lacks it
/// (the prune is an edge job; later requests for it wait on the same prune) → edge inference (processor sharing) →
/// download the result (shared downlink). Downloaded: upload the model request → the variant (pruned on demand if
/// needed) → download the model → infer on the device; the device keeps it for the rest of its lifetime of Q requests
/// and runs those locally (its processor serves them in order). Device energy is P_tx × upload time + (P_rx + P_E) ×
/// download time + P_d × inference time, with the transfer times the shared link actually gave (Eqs. 3 and 6).
/// Requests in flight live in a pool of parallel arrays with a free list: no allocation once it has grown.
/// </summary>
internal sealed partial class SimulationRun
{
    private const byte EdgeUpload = 0;
    private const byte EdgeCompute = 1;
    private const byte EdgeResult = 2;
    private const byte ModelRequest = 3;
    private const byte ModelDownload = 4;

    private readonly int[] pruneWaiters;
    private readonly bool[] pruneCache;
    private readonly bool[] pruning;
    private readonly double[] pruneStarted;
    private int[] requestDevice = new int[256];
    private int[] requestVariant = new int[256];
    private byte[] requestStage = new byte[256];
    private double[] requestArrival = new double[256];
    private double[] requestStageStart = new double[256];
    private double[] requestEnergy = new double[256];
    private long[] requestBytes = new long[256];
    private int[] requestNext = new int[256];
    private long[] modelRequests = [];
    private int freeHead = -1;
    private int poolUsed;

    private void Arrive(int d)
    {
        if (now >= end)
        {
            return;
        }

        if (depleted[d])
        {
            if (measuring)
            {
                droppedBattery++;
            }

            return;
        }

        Move(d);
        if (lifetimeLeft[d] == 0)
        {
            // The model lifetime is over: the model is retrained, a device copy is stale.
            lifetimeLeft[d] = c.RequestsPerLifetime[deviceClass[d]];
            held[d] = -1;
        }

        lifetimeLeft[d]--;
        modelRequests[(deviceCell[d] * c.ModelCount) + deviceModel[d]]++;
        if (held[d] >= 0)
        {
            RunLocally(d, held[d], now, 0, 0, false);
            return;
        }

        var r = NewRequest(d);
        if (downloading[d])
        {
            // Waits for the download this device has in progress.
            requestVariant[r] = -1;
            requestNext[r] = -1;
            if (downloadTail[d] >= 0)
            {
                requestNext[downloadTail[d]] = r;
            }
            else
            {
                downloadHead[d] = r;
            }

            downloadTail[d] = r;
            return;
        }

        var placement = policy.Decide(new DecisionContext(this, d));
        var variant = c.ModelFirst[deviceModel[d]] + Math.Clamp(placement.Variant, 0, c.ModelVariantCount[deviceModel[d]] - 1);
        requestVariant[r] = variant;
        var cell = deviceCell[d];
        var slot = (cell * c.VariantCount) + variant;
        pruneCache[slot] = placement.Cache || (pruning[slot] && pruneCache[slot]);
        if (placement.Prefetch > 0 && placement.Prefetch < c.ModelVariantCount[deviceModel[d]])
        {
            Prefetch(cell, c.ModelFirst[deviceModel[d]] + placement.Prefetch);
        }

        if (placement.Site == PlacementSite.Edge)
        {
            requestStage[r] = EdgeUpload;
            requestBytes[r] = c.InputBytes + c.ResultBytes;
            AddTransfer(cell, UplinkServer, r, c.InputBits, uplinkRate[d]);
        }
        else
        {
            downloading[d] = true;
            requestStage[r] = ModelRequest;
            requestBytes[r] = c.RequestBytes + c.SizeBytes[variant];
            AddTransfer(cell, UplinkServer, r, c.RequestBits, uplinkRate[d]);
        }
    }

    private void AddTransfer(int cell, int link, int r, double bits, double rate)
    {
        requestStageStart[r] = now;
        AddJob((cell * 3) + link, r, c.ProportionalFair ? bits / rate : bits, 1.0 / rate);
    }

    private void OnJobDone(int serverIndex, int job)
    {
        var cell = serverIndex / 3;
        if (job < 0)
        {
            OnPruned(cell, -job - 1);
            return;
        }

        var r = job;
        var d = requestDevice[r];
        switch (requestStage[r])
        {
            case EdgeUpload:
                requestEnergy[r] += c.TxWatts * (now - requestStageStart[r]);
                requestStage[r] = EdgeCompute;
                NeedVariant(cell, r);
                break;
            case ModelRequest:
                requestEnergy[r] += c.TxWatts * (now - requestStageStart[r]);
                requestStage[r] = ModelDownload;
                NeedVariant(cell, r);
                break;
            case EdgeCompute:
                requestStage[r] = EdgeResult;
                AddTransfer(cell, DownlinkServer, r, c.ResultBits, downlinkRate[d]);
                break;
            case EdgeResult:
                requestEnergy[r] += c.ReceiveWatts * (now - requestStageStart[r]);
                // The request overhead is a pure delay: added at the end, it shifts no queue (every request pays the same).
                Finish(r, now + c.RequestOverheadSeconds, PlacementSite.Edge, false);
                break;
            default:
                requestEnergy[r] += c.ReceiveWatts * (now - requestStageStart[r]);
                Downloaded(r, d);
                break;
        }
    }

    /// <summary>The request needs its variant at the edge: go on at once if it is the full model or stored, else prune.</summary>
    private void NeedVariant(int cell, int r)
    {
        var variant = requestVariant[r];
        if (c.PruneSeconds[variant] > 0)
        {
            var store = stores[cell];
            store.RecordRequest(variant);
            var hit = store.Contains(variant);
            if (measuring)
            {
                _ = hit ? storeHits++ : storeMisses++;
            }

            if (!hit)
            {
                var slot = (cell * c.VariantCount) + variant;
                requestNext[r] = pruneWaiters[slot];
                pruneWaiters[slot] = r;
                StartPrune(cell, variant);
                return;
            }
        }

        Proceed(cell, r);
    }

    /// <summary>The factor of mean 1 that draws one inference's time around the variant's measured one.</summary>
    private double ServiceFactor() => serviceTimes switch
    {
        ServiceTimes.Exponential => serviceRandom.NextExponential(1.0),
        ServiceTimes.LogNormal => Math.Exp((serviceSigma * serviceRandom.NextNormal()) - (serviceSigma * serviceSigma / 2)),
        _ => 1.0,
    };

    private void StartPrune(int cell, int variant)
    {
        var slot = (cell * c.VariantCount) + variant;
        if (!pruning[slot])
        {
            pruning[slot] = true;
            pruneStarted[slot] = now;
            prunes += measuring ? 1 : 0;
            AddJob((cell * 3) + EdgeServer, -slot - 1, c.PruneSeconds[variant], 0);
        }
    }

    /// <summary>A background prune a policy asked for: kept when done (if the store admits it); nobody waits for it.</summary>
    private void Prefetch(int cell, int variant)
    {
        if (c.PruneSeconds[variant] > 0 && !stores[cell].Contains(variant))
        {
            pruneCache[(cell * c.VariantCount) + variant] = true;
            StartPrune(cell, variant);
        }
    }

    private void Proceed(int cell, int r)
    {
        var variant = requestVariant[r];
        if (requestStage[r] == EdgeCompute)
        {
            var work = c.EdgeSeconds[variant] * ServiceFactor();
            AddJob((cell * 3) + EdgeServer, r, work, 0);
        }
        else
        {
            AddTransfer(cell, DownlinkServer, r, c.SizeBits[variant], downlinkRate[requestDevice[r]]);
        }
    }

    private void OnPruned(int cell, int slot)
    {
        pruning[slot] = false;
        var variant = slot - (cell * c.VariantCount);
        if (pruneCache[slot])
        {
            stores[cell].TryAdmit(variant);
        }

        var r = pruneWaiters[slot];
        pruneWaiters[slot] = -1;
        while (r >= 0)
        {
            var next = requestNext[r];
            Proceed(cell, r);
            r = next;
        }
    }

    private void Downloaded(int r, int d)
    {
        var variant = requestVariant[r];
        held[d] = variant;
        downloading[d] = false;
        var ready = now + c.DownloadOverheadSeconds;
        RunLocally(d, variant, requestArrival[r], requestEnergy[r], requestBytes[r], true, ready);
        var w = downloadHead[d];
        (downloadHead[d], downloadTail[d]) = (-1, -1);
        Release(r);
        while (w >= 0)
        {
            var next = requestNext[w];
            RunLocally(d, variant, requestArrival[w], 0, 0, false, ready);
            Release(w);
            w = next;
        }
    }

    /// <summary>Infers on the device's own processor (first come first served); the result is known at once.</summary>
    private void RunLocally(int d, int variant, double arrival, double energy, long bytes, bool downloaded, double ready = double.NaN)
    {
        var start = Math.Max(double.IsNaN(ready) ? now : ready, busyUntil[d]);
        var done = start + c.DeviceSeconds[variant];
        busyUntil[d] = done;
        energy += c.ComputeWatts * c.DeviceSeconds[variant];
        Record(d, variant, arrival, done, energy, bytes, PlacementSite.Device, downloaded);
    }

    private void Finish(int r, double done, PlacementSite site, bool downloaded)
    {
        Record(requestDevice[r], requestVariant[r], requestArrival[r], done, requestEnergy[r], requestBytes[r], site, downloaded);
        Release(r);
    }

    private int NewRequest(int d)
    {
        int r;
        if (freeHead >= 0)
        {
            r = freeHead;
            freeHead = requestNext[r];
        }
        else
        {
            if (poolUsed == requestDevice.Length)
            {
                GrowPool();
            }

            r = poolUsed++;
        }

        requestDevice[r] = d;
        requestArrival[r] = now;
        requestEnergy[r] = 0;
        requestBytes[r] = 0;
        requestNext[r] = -1;
        inFlight += measuring ? 1 : 0;
        return r;
    }

    private void Release(int r)
    {
        requestNext[r] = freeHead;
        freeHead = r;
        inFlight -= requestArrival[r] >= warmup ? 1 : 0;
    }

    private void GrowPool()
    {
        var size = requestDevice.Length * 2;
        Array.Resize(ref requestDevice, size);
        Array.Resize(ref requestVariant, size);
        Array.Resize(ref requestStage, size);
        Array.Resize(ref requestArrival, size);
        Array.Resize(ref requestStageStart, size);
        Array.Resize(ref requestEnergy, size);
        Array.Resize(ref requestBytes, size);
        Array.Resize(ref requestNext, size);
    }
}
