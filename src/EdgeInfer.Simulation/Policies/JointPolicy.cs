using EdgeInfer.Core.Planning;

namespace EdgeInfer.Simulation.Policies;

/// <summary>
/// Joint placement and caching. For every variant that meets the class's accuracy, at the edge and on the device, it
/// prices the rest of the device's lifetime with Core's <see cref="CostModel"/> equations, but with what the paper's rule
/// ignores:
/// <list type="bullet">
/// <item>the radio as it is shared now: the rate this transfer would get beside those in progress (R/(n + 1)), and the
/// delay it adds to them (each of the n is held back by about this transfer's time alone);</item>
/// <item>the edge queue: the slowdown its inferences would see (S(jobs now) for this request's deadline, S at the edge's
/// time-average load for the rest of the lifetime, so that a passing burst does not decide a whole lifetime), plus the
/// delay each adds to the jobs typically there (n × T × (S(n) − S(n − 1)): placement for the cell, not for one device);</item>
/// <item>the store: a stored variant costs no prune, one being pruned the rest of that prune, a missing one the whole
/// prune under the current load;</item>
/// <item>popularity: a freshly pruned variant is kept only if the edge has seen it asked for before or it fits in the free
/// space (one-off requests do not push out what others use), its eviction rank comes from the store's policy;</item>
/// <item>caching ahead: when a variant that is not stored would be the best choice if it were, and the time it saves per
/// request times the requests for the model seen in the cell exceeds what its prune would cost the jobs typically at the
/// edge (n × ΔS × T_pr × S, at least T_pr; latency objective, otherwise any saving) and it fits in the store's free
/// space, the edge prunes it in the background
/// (<see cref="Placement.Prefetch"/>) while this request takes the best option available now;</item>
/// <item>the requests that arrive while a model downloads: they wait for it, about half the download each, so a device
/// option costs λ × T_setup²/2 more (λ its rate while active; the paper's lifetime counts the download once);</item>
/// <item>battery and deadline: options that would spend the battery or miss the deadline on their first request are
/// dropped while any other remains.</item>
/// </list>
/// The score is the objective per request of the remaining lifetime (delay, device energy or data).
/// </summary>
public sealed class JointPolicy : IPlacementPolicy
{
    /// <inheritdoc />
    public string Name => "joint";

    /// <inheritdoc />
    public Placement Decide(in DecisionContext context)
    {
        var q = context.RequestsLeft;
        // This request meets the queue as it is now; the rest of a lifetime meets the edge's typical load.
        var jobs = context.EdgeJobs;
        var slowdown = context.EdgeSlowdown(jobs);
        var typical = context.EdgeMeanJobs;
        var typicalSlowdown = context.EdgeSlowdown(typical);
        var congestion = typical * (typicalSlowdown - context.EdgeSlowdown(Math.Max(0, typical - 1)));
        var (othersUp, othersDown) = (context.UplinkTransfers, context.DownlinkTransfers);
        var aloneUp = context.UplinkBitsPerSecond;
        var aloneDown = context.DownlinkBitsPerSecond;
        var uplink = aloneUp / (othersUp + 1);
        var downlink = aloneDown / (othersDown + 1);
        var (inputBits, resultBits, requestBits) = context.MessageBits;
        var (tx, rx, compute) = context.DeviceWatts;
        var tIn = CostModel.TransferSeconds(inputBits, uplink);
        var tRes = CostModel.TransferSeconds(resultBits, downlink);
        var tReq = CostModel.TransferSeconds(requestBits, uplink);
        var rate = context.ArrivalRatePerSecond;
        var edgeRadioHarm = (othersUp * inputBits / aloneUp) + (othersDown * resultBits / aloneDown);
        var requestHarm = othersUp * requestBits / aloneUp;
        var edgeEnergy = CostModel.EdgeDeviceEnergyJoules(tx, tIn, rx, tRes).At(q);
        var edgeBytes = (inputBits + resultBits) / 8 * q;

        // Requests arriving while the model downloads wait for it, about half of it each.
        double Waiting(double setup) => Math.Min(q - 1, rate * setup) * setup / 2;

        var best = new Candidate(Placement.EdgeFull, double.PositiveInfinity, double.PositiveInfinity, Infeasible: true);
        var ideal = best;
        for (var k = 0; k < context.VariantCount; k++)
        {
            var prune = context.PruneWaitSeconds(k);
            var edgeInference = context.EdgeSeconds(k) * slowdown;
            var edgePerRequest = (context.EdgeSeconds(k) * (typicalSlowdown + congestion)) + edgeRadioHarm;
            var edge = new Placement(PlacementSite.Edge, k);
            var edgeCycle = tIn + edgeInference + tRes;
            best = Better(best, Score(context, edge, EdgeDelay(tIn, prune, edgePerRequest, tRes, q), edgeEnergy, edgeCycle + prune, q, edgeBytes));
            ideal = Better(ideal, Score(context, edge, EdgeDelay(tIn, 0, edgePerRequest, tRes, q), edgeEnergy, edgeCycle, q, edgeBytes));

            var tModel = CostModel.TransferSeconds(context.SizeBits(k), downlink);
            var device = context.DeviceSeconds(k);
            var deviceEnergy = CostModel.DeviceEnergyJoules(tx, tReq, rx, tModel, compute, device).At(q);
            var deviceBytes = (requestBits / 8) + context.SizeBytes(k);
            var local = new Placement(PlacementSite.Device, k);
            var harm = requestHarm + (othersDown * context.SizeBits(k) / aloneDown);
            var deviceDelay = CostModel.DeviceLifetimeDelaySeconds(tReq, prune, tModel, device).At(q) + harm + Waiting(tReq + prune + tModel);
            var deviceCycle = CostModel.DeviceCycleDelaySeconds(tReq, prune, tModel, device);
            best = Better(best, Score(context, local, deviceDelay, deviceEnergy, deviceCycle, q, deviceBytes));
            var idealDelay = CostModel.DeviceLifetimeDelaySeconds(tReq, 0, tModel, device).At(q) + harm + Waiting(tReq + tModel);
            ideal = Better(ideal, Score(context, local, idealDelay, deviceEnergy, CostModel.DeviceCycleDelaySeconds(tReq, 0, tModel, device), q, deviceBytes));
        }

        var chosen = best.Placement;
        if (chosen.Variant > 0 && !context.IsAvailable(chosen.Variant))
        {
            var keep = context.StoreRequests(chosen.Variant) > 0 || context.SizeBytes(chosen.Variant) <= context.StoreFreeBytes;
            chosen = chosen with { Cache = keep };
        }

        var wanted = ideal.Placement.Variant;
        var missing = wanted > 0 && wanted != chosen.Variant && !context.IsAvailable(wanted) && !context.IsPruning(wanted);
        if (missing && WorthPrefetching(context, best, ideal))
        {
            chosen = chosen with { Prefetch = wanted };
        }

        return chosen;
    }

    private static double EdgeDelay(double tIn, double prune, double perRequest, double tRes, long q) =>
        CostModel.EdgeLifetimeDelaySeconds(tIn, prune, perRequest, tRes).At(q);

    private static bool WorthPrefetching(in DecisionContext context, Candidate best, Candidate ideal)
    {
        var wanted = ideal.Placement.Variant;
        var seen = context.ModelRequests;
        if (context.SizeBytes(wanted) > context.StoreFreeBytes)
        {
            // Caching ahead never evicts: a prune nobody waits for must not push out what others use.
            return false;
        }

        var saving = best.Score - ideal.Score;
        if (!(saving > 0) || (ideal.Infeasible && !best.Infeasible))
        {
            return false;
        }

        if (context.Objective != Objective.Latency)
        {
            return true;
        }

        // The prune's cost to the others: for its T_pr × S seconds at the edge, each of the n jobs typically there runs
        // S(n + 1) − S(n) slower, about n × ΔS × T_pr × S seconds of their time; the demand seen must already have saved
        // more than that (and at least T_pr on an idle edge).
        var typical = context.EdgeMeanJobs;
        var slowdown = context.EdgeSlowdown(typical);
        var harm = context.PruneSeconds(wanted) * Math.Max(1, typical * slowdown * (context.EdgeSlowdown(typical + 1) - slowdown));
        return saving * seen > harm;
    }

    private static Candidate Score(in DecisionContext context, Placement placement, double delay, double energy, double cycle, long q, double bytes)
    {
        var infeasible = cycle > context.DeadlineSeconds || energy > context.BatteryJoulesLeft || !context.MeetsAccuracy(placement.Variant);
        var score = context.Objective switch
        {
            Objective.Energy => energy,
            Objective.Data => bytes,
            _ => delay,
        };
        return new Candidate(placement, score / q, delay, infeasible);
    }

    private static Candidate Better(Candidate a, Candidate b)
    {
        if (a.Infeasible != b.Infeasible)
        {
            return a.Infeasible ? b : a;
        }

        return b.Score < a.Score || (b.Score == a.Score && b.Delay < a.Delay) ? b : a;
    }

    private readonly record struct Candidate(Placement Placement, double Score, double Delay, bool Infeasible);
}
