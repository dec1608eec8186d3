using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Simulation.Engine;
using EdgeInfer.Simulation.Scenarios;

namespace EdgeInfer.Simulation.Policies;

/// <summary>
/// What a policy may look at when it decides one request, read live from the run without copying: the device (its own
/// Shannon rates, requests left in its model lifetime, battery), its application class (minimum Top-1, deadline), its
/// model's variants, and its cell (transfers in progress, jobs at the edge, the edge's slowdown, the store's contents
/// and the requests it has seen). Variant indices are within the model: 0 is the full model.
/// </summary>
public readonly ref struct DecisionContext
{
    private readonly SimulationRun run;
    private readonly CompiledScenario c;
    private readonly int device;
    private readonly int first;

    internal DecisionContext(SimulationRun run, int device)
    {
        this.run = run;
        c = run.Compiled;
        this.device = device;
        Model = run.ModelOf(device);
        ApplicationClass = run.ClassOf(device);
        Cell = run.CellOf(device);
        first = c.ModelFirst[Model];
    }

    /// <summary>Simulated time, seconds.</summary>
    public double NowSeconds => run.Now;

    /// <summary>The device's application class (index in the scenario).</summary>
    public int ApplicationClass { get; }

    /// <summary>The model the device asks for (catalog rank, replicas included).</summary>
    public int Model { get; }

    /// <summary>The serving cell.</summary>
    public int Cell { get; }

    /// <summary>Requests left in the device's model lifetime, this one included (the planner's Q).</summary>
    public long RequestsLeft => run.LifetimeLeft(device) + 1;

    /// <summary>Battery energy left, joules (+∞ without a battery).</summary>
    public double BatteryJoulesLeft => run.BatteryLeft(device);

    /// <summary>The device's own uplink Shannon rate (alone in the cell), bit/s.</summary>
    public double UplinkBitsPerSecond => run.UplinkRate(device);

    /// <summary>The device's own downlink Shannon rate, bit/s.</summary>
    public double DownlinkBitsPerSecond => run.DownlinkRate(device);

    /// <summary>
    /// How fast this device's requests come while it is active, per second: the Poisson rate, an on/off class's rate
    /// during a burst, a trace's mean over its span (0 for an empty one).
    /// </summary>
    public double ArrivalRatePerSecond => c.ArrivalRate[ApplicationClass];

    /// <summary>The class's minimum Top-1, NaN when none.</summary>
    public double MinTop1 => c.MinTop1[ApplicationClass];

    /// <summary>The class's deadline, seconds (+∞ when none).</summary>
    public double DeadlineSeconds => c.DeadlineSeconds[ApplicationClass];

    /// <summary>What the scenario minimises.</summary>
    public Objective Objective => c.Scenario.Objective;

    /// <summary>How the cell's links are shared.</summary>
    public RadioSharing Sharing => c.Scenario.Sharing;

    /// <summary>Number of variants of the model (the full one included).</summary>
    public int VariantCount => c.ModelVariantCount[Model];

    /// <summary>Jobs (inferences and prunes) at the edge now.</summary>
    public int EdgeJobs => run.EdgeJobs(Cell);

    /// <summary>The edge's time-average number of jobs so far (since the warm-up ended, or the start): its typical load.</summary>
    public double EdgeMeanJobs => run.EdgeMeanJobs(Cell);

    /// <summary>Uploads in progress in the cell.</summary>
    public int UplinkTransfers => run.UplinkTransfers(Cell);

    /// <summary>Downloads in progress in the cell.</summary>
    public int DownlinkTransfers => run.DownlinkTransfers(Cell);

    /// <summary>Free bytes in the edge's store.</summary>
    public long StoreFreeBytes => run.Store(Cell).CapacityBytes - run.Store(Cell).UsedBytes;

    /// <summary>l_input, l_res, l_req in bits.</summary>
    public (double Input, double Result, double Request) MessageBits => (c.InputBits, c.ResultBits, c.RequestBits);

    /// <summary>P_tx, P_rx + P_E and P_d of the device, watts.</summary>
    public (double Transmit, double Receive, double Compute) DeviceWatts => (c.TxWatts, c.ReceiveWatts, c.ComputeWatts);

    /// <summary>S(L): how many times slower an edge job runs with L other jobs present.</summary>
    public double EdgeSlowdown(int load) => c.Slowdown.At(load);

    /// <summary>S at a fractional load (linear between whole loads), e.g. at <see cref="EdgeMeanJobs"/>.</summary>
    public double EdgeSlowdown(double load) => c.Slowdown.At(load);

    /// <summary>A variant's size, bits.</summary>
    public double SizeBits(int variant) => c.SizeBits[first + variant];

    /// <summary>A variant's size, bytes.</summary>
    public long SizeBytes(int variant) => c.SizeBytes[first + variant];

    /// <summary>T_inf,d of a variant, seconds.</summary>
    public double DeviceSeconds(int variant) => c.DeviceSeconds[first + variant];

    /// <summary>T_inf,e of a variant on the idle edge, seconds.</summary>
    public double EdgeSeconds(int variant) => c.EdgeSeconds[first + variant];

    /// <summary>T_pr of a variant on the idle edge, seconds (0 for the full model).</summary>
    public double PruneSeconds(int variant) => c.PruneSeconds[first + variant];

    /// <summary>Top-1 of a variant, NaN when unknown.</summary>
    public double Top1(int variant) => c.Top1[first + variant];

    /// <summary>True when the variant meets the class's minimum Top-1 (always without one).</summary>
    public bool MeetsAccuracy(int variant) => c.MeetsAccuracy(ApplicationClass, first + variant);

    /// <summary>True for the full model and for pruned variants in the edge's store.</summary>
    public bool IsAvailable(int variant) => variant == 0 || run.Store(Cell).Contains(first + variant);

    /// <summary>True when the edge is pruning the variant on demand now.</summary>
    public bool IsPruning(int variant) => run.IsPruning(Cell, first + variant);

    /// <summary>Requests for this model that devices in this cell have made so far, this one included (its demand here).</summary>
    public long ModelRequests => run.ModelRequests(Cell, Model);

    /// <summary>
    /// The wait for the variant at the edge if asked now: 0 when available, the rest of a prune in progress (its time
    /// under the current slowdown minus what has elapsed, at least 0), or a whole prune under the current slowdown.
    /// </summary>
    public double PruneWaitSeconds(int variant)
    {
        if (IsAvailable(variant))
        {
            return 0;
        }

        var prune = PruneSeconds(variant) * EdgeSlowdown(EdgeJobs);
        return IsPruning(variant) ? Math.Max(0, prune - run.PruneElapsed(Cell, first + variant)) : prune;
    }

    /// <summary>Requests the edge has seen for the variant (its popularity there).</summary>
    public long StoreRequests(int variant) => run.Store(Cell).Requests(first + variant);

    /// <summary>
    /// The pruned variant with the shortest device inference that meets the accuracy (ties: the smaller), or 0 (the full
    /// model) when none does: what "the pruned model" means for the paper's rule and the fixed policies.
    /// </summary>
    public int LightestAccurateVariant()
    {
        var best = 0;
        for (var k = 1; k < VariantCount; k++)
        {
            if (MeetsAccuracy(k) && (best == 0 || DeviceSeconds(k) < DeviceSeconds(best)
                || (DeviceSeconds(k) == DeviceSeconds(best) && SizeBytes(k) < SizeBytes(best))))
            {
                best = k;
            }
        }

        return best;
    }

    /// <summary>A variant's name (e.g. <c>channel-ls-0.70</c>).</summary>
    public string ToVariantName(int variant) => c.VariantNames[first + variant];

    /// <summary>A key for caching per (class, model) data: ApplicationClass × models + Model.</summary>
    public int ClassModelKey => (ApplicationClass * c.ModelCount) + Model;

    /// <summary>
    /// The single-device planning scenario of this class and model with <paramref name="prunedVariant"/> as "the pruned
    /// model": device powers and the class's battery, message sizes, Q, idle-edge times, P_edge, minTop1 and the deadline
    /// as maximum cycle delay, the objective. What <c>plan</c> would be given for one device; allocates (cache it).
    /// </summary>
    public PlanningScenario ToPlanningScenario(int prunedVariant)
    {
        var scenario = c.Scenario;
        var appClass = scenario.Applications[ApplicationClass];
        return new PlanningScenario
        {
            Device = scenario.DevicePower with { Battery = appClass.Battery },
            Edge = new EdgeProfile { ComputePower = scenario.Edge.ComputePower },
            Workload = new Workload
            {
                Requests = appClass.RequestsPerLifetime,
                InputSize = scenario.Messages.Input,
                ResultSize = scenario.Messages.Result,
                RequestSize = scenario.Messages.Request,
            },
            Model = new ModelProfile { Name = c.ModelNames[Model], Full = Costs(0), Pruned = Costs(prunedVariant) },
            Constraints = new PlanningConstraints { MinTop1 = appClass.MinTop1, MaxCycleDelay = appClass.Deadline },
            Objective = scenario.Objective,
        };
    }

    private ModelVariantCosts Costs(int k) => new()
    {
        Size = new Bytes(SizeBytes(k)),
        DeviceInference = new Seconds(DeviceSeconds(k)),
        EdgeInference = new Seconds(EdgeSeconds(k)),
        Prune = new Seconds(PruneSeconds(k)),
        Top1 = double.IsNaN(Top1(k)) ? null : Top1(k),
        Variant = c.VariantNames[first + k],
    };
}
