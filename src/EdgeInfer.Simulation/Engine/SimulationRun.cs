using EdgeInfer.Simulation.Policies;
using EdgeInfer.Simulation.Scenarios;
using EdgeInfer.Simulation.Statistics;

namespace EdgeInfer.Simulation.Engine;

/// <summary>
/// The mutable state of one run: devices, servers, stores, requests in flight, the event list and the statistics.
/// Split by concern: devices and radio (<c>SimulationRun.Devices.cs</c>), arrivals (<c>.Arrivals.cs</c>), the request
/// flow through uplink, edge and downlink (<c>.Requests.cs</c>), the results (<c>.Results.cs</c>).
/// </summary>
internal sealed partial class SimulationRun
{
    private readonly CompiledScenario c;
    private readonly IPlacementPolicy policy;
    private readonly EvictionKind eviction;
    private readonly ulong seed;
    private readonly IRequestSink? sink;
    private readonly Action<double>? progress;
    private readonly EventQueue events = new();
    private readonly JobServer[] servers;
    private readonly double[] scheduledAt;
    private readonly ModelStore[] stores;
    private readonly double warmup;
    private readonly double end;
    private readonly double stopAt;
    private RandomStream placementRandom;
    private RandomStream arrivalRandom;
    private RandomStream channelRandom;
    private RandomStream serviceRandom;
    private double now;
    private bool measuring;
    private bool closed;
    private readonly ServiceTimes serviceTimes;
    private readonly double serviceSigma;
    private long eventCount;

    public SimulationRun(CompiledScenario compiled, IPlacementPolicy policy, EvictionKind eviction, ulong seed, IRequestSink? sink, Action<double>? progress)
    {
        c = compiled;
        this.policy = policy;
        this.eviction = eviction;
        this.seed = seed;
        this.sink = sink;
        this.progress = progress;
        placementRandom = new RandomStream(seed, 0);
        arrivalRandom = new RandomStream(seed, 1);
        channelRandom = new RandomStream(seed, 2);
        serviceRandom = new RandomStream(seed, 3);
        serviceTimes = compiled.Scenario.Edge.ServiceTimes;
        var variation = compiled.Scenario.Edge.ServiceVariation;
        serviceSigma = Math.Sqrt(Math.Log(1 + (variation * variation)));
        var scenario = c.Scenario;
        warmup = scenario.Warmup.Value;
        end = warmup + scenario.Duration.Value;
        stopAt = end + Math.Max(scenario.Duration.Value, 60);
        var cells = c.CellX.Length;
        servers = new JobServer[cells * 3];
        scheduledAt = new double[cells * 3];
        Array.Fill(scheduledAt, double.PositiveInfinity);
        stores = new ModelStore[cells];
        var linkMode = scenario.Sharing == RadioSharing.EqualRate ? SharingRate.EqualRate : SharingRate.EqualTime;
        for (var cell = 0; cell < cells; cell++)
        {
            servers[(cell * 3) + UplinkServer] = new SharingServer(linkMode, null);
            servers[(cell * 3) + DownlinkServer] = new SharingServer(linkMode, null);
            servers[(cell * 3) + EdgeServer] = scenario.Edge.Discipline == EdgeDiscipline.Fcfs
                ? new FcfsServer(scenario.Edge.Cores)
                : new SharingServer(SharingRate.Slowdown, c.Slowdown);
            stores[cell] = new ModelStore(eviction, scenario.Edge.Store.Capacity.Value, c.SizeBytes, c.PruneSeconds);
            Preload(stores[cell]);
        }

        pruneWaiters = new int[cells * c.VariantCount];
        pruneCache = new bool[cells * c.VariantCount];
        pruning = new bool[cells * c.VariantCount];
        pruneStarted = new double[cells * c.VariantCount];
        Array.Fill(pruneWaiters, -1);
        modelRequests = new long[cells * c.ModelCount];
        PlaceDevices();
    }

    private const int UplinkServer = 0;
    private const int DownlinkServer = 1;
    private const int EdgeServer = 2;

    public SimulationResult Run()
    {
        ScheduleFirstArrivals();
        var nextProgress = 0L;
        while (events.Count > 0)
        {
            var e = events.Pop();
            if (e.Time > stopAt)
            {
                break;
            }

            now = e.Time;
            if (!measuring && now >= warmup)
            {
                StartMeasuring();
            }

            if (!closed && now >= end)
            {
                CloseWindow();
            }

            eventCount++;
            Dispatch(e);
            if (progress is not null && eventCount >= nextProgress)
            {
                progress(Math.Min(1.0, now / end));
                nextProgress = eventCount + 65536;
            }
        }

        if (!measuring)
        {
            StartMeasuring();
        }

        if (!closed)
        {
            now = Math.Max(now, end);
            CloseWindow();
        }

        return Result();
    }

    private void Dispatch(in EventQueue.Event e)
    {
        switch (e.Kind)
        {
            case EventKind.ServerCompletion:
                OnServerEvent(e.A, e.Time);
                break;
            case EventKind.ClassArrival:
                OnClassArrival(e.A);
                break;
            case EventKind.DeviceArrival:
                OnDeviceArrival(e.A, e.B);
                break;
            case EventKind.DeviceToggle:
                OnDeviceToggle(e.A, e.B);
                break;
            case EventKind.TraceArrival:
                OnTraceArrival(e.A, e.B);
                break;
        }
    }

    /// <summary>
    /// Keeps one live completion event per server, pushed only when the server's next completion moves earlier. A change
    /// that delays it (a job joins and everybody slows down) pushes nothing: the old event fires early, finds the
    /// completion not due yet and reschedules itself. An event whose time is not the server's scheduled one is stale.
    /// </summary>
    private void Reschedule(int serverIndex)
    {
        var t = servers[serverIndex].NextCompletionTime;
        if (t < scheduledAt[serverIndex])
        {
            scheduledAt[serverIndex] = t;
            events.Schedule(t, EventKind.ServerCompletion, serverIndex, 0);
        }
    }

    private void OnServerEvent(int serverIndex, double time)
    {
        if (time != scheduledAt[serverIndex])
        {
            return;
        }

        scheduledAt[serverIndex] = double.PositiveInfinity;
        var server = servers[serverIndex];
        if (server.NextCompletionTime > now + (Math.Abs(now) * 1e-12))
        {
            Reschedule(serverIndex);
            return;
        }

        var job = server.PopFinished(now);
        Reschedule(serverIndex);
        OnJobDone(serverIndex, job);
    }

    private void AddJob(int serverIndex, int job, double work, double inverseRate)
    {
        servers[serverIndex].Add(now, job, work, inverseRate);
        Reschedule(serverIndex);
    }

    private void StartMeasuring()
    {
        measuring = true;
        foreach (var server in servers)
        {
            server.ResetStatistics(now);
        }
    }

    private void CloseWindow()
    {
        closed = true;
        foreach (var server in servers)
        {
            server.Integrate(end);
        }

        SnapshotServers();
    }

    private void Preload(ModelStore store)
    {
        var preload = eviction == EvictionKind.StaticTopK ? StorePreload.Popular : c.Scenario.Edge.Store.Preload;
        foreach (var variant in c.PopularVariants)
        {
            if (preload == StorePreload.All)
            {
                store.PreloadUnbounded(variant);
            }
            else if (preload == StorePreload.Popular)
            {
                store.Preload(variant);
            }
        }
    }
}
