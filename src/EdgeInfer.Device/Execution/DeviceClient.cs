using EdgeInfer.Contracts;
using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Radio;
using EdgeInfer.Device.Http;
using EdgeInfer.Device.Planning;
using EdgeInfer.Runtime.Execution;
using EdgeInfer.Runtime.Profiles;

namespace EdgeInfer.Device.Execution;

/// <summary>
/// The device side of the system: reads the edge's status and catalog, plans with the device profile and the radio
/// model, and executes the chosen (or named) strategies for real over the shaped, resilient link.
/// </summary>
public static class DeviceClient
{
    /// <summary>l_res the planner uses: the workload default, the paper's 2 kB result.</summary>
    private static readonly long ResultBytes = new Workload().ResultSize.Value;

    /// <summary>l_req the planner uses: the workload default, 1 kB (the paper gives none).</summary>
    private static readonly long RequestBytes = new Workload().RequestSize.Value;

    /// <summary>Runs <paramref name="request"/>; <paramref name="progress"/> gets one line per step.</summary>
    public static Task<DeviceReport> RunAsync(DeviceRunRequest request, Action<string>? progress, CancellationToken cancellationToken) =>
        RunAsync(request, progress, null, cancellationToken);

    /// <summary>
    /// Runs <paramref name="request"/>; <paramref name="progress"/> gets one line per step, and <paramref name="completed"/>
    /// each strategy run as it finishes (what a caller still has when a later step fails).
    /// </summary>
    public static async Task<DeviceReport> RunAsync(
        DeviceRunRequest request, Action<string>? progress, ICollection<StrategyRun>? completed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validated();
        progress ??= _ => { };
        var rates = RadioChannel.Evaluate(request.Radio).Rates;
        var clientOptions = new EdgeClientOptions
        {
            Edge = request.Edge,
            Shaping = request.Shaping ? rates : null,
            MaxRetries = request.MaxRetries,
            Faults = request.Faults,
        };
        using var client = new EdgeClient(clientOptions);
        var model = await client.ModelAsync(request.Model, cancellationToken).ConfigureAwait(false);
        var shape = InputShape(model);
        var input = request.Input is null ? DeviceInput.Synthetic(shape) : DeviceInput.FromFile(request.Input, shape);
        var pruned = request.PrunedVariant;
        var overheads = await ProbeAsync(client, request, model, input, rates, progress, cancellationToken).ConfigureAwait(false);
        var inputs = new DevicePlanInputs
        {
            Model = model,
            Status = await client.StatusAsync(cancellationToken).ConfigureAwait(false),
            Pruned = pruned,
            Requests = request.Requests,
            InputBytes = input.Body.LongLength,
            Radio = request.Radio,
            DeviceProfile = request.DeviceProfile is null ? null : ProfileFile.Read(request.DeviceProfile),
            ResultBytes = ResultBytes,
            PrunedFormat = request.PrunedFormat,
            Overheads = overheads,
            Constraints = new PlanningConstraints { MinTop1 = request.MinTop1, MinTop5 = request.MinTop5 },
        };
        var plan = DevicePlanning.Plan(inputs);
        var decision = Describe(plan.Plan);
        progress($"planner: {decision.Explanation}");
        var strategies = StrategiesToRun(request.Strategy, plan.Plan);

        // Warm-up as the device profile measures (3 untimed runs at open), so the timed runs compare with it; ORT is
        // initialised first, as when the profile measured session opens, so no strategy pays the process's first open.
        var deviceRuntime = new RuntimeOptions { Role = RuntimeRole.Device, IntraOpThreads = request.DeviceThreads, WarmupRuns = 3 };
        progress($"ORT initialised in {RuntimeWarmup.Warm(deviceRuntime).TotalMilliseconds:0} ms (not counted)");
        var scope = new RunScope(client, request, input, deviceRuntime, progress, completed);
        var (runs, last, lastPlan) = await ExecuteAsync(scope, strategies, inputs, plan, cancellationToken).ConfigureAwait(false);
        return new DeviceReport(request.Edge.ToString(), last.Model.Name, request.Requests, request.Shaping, rates.Uplink.Value, rates.Downlink.Value,
            last.Status.BackgroundLoad.Tasks, decision, lastPlan.Sources, runs, client.Retries, runs.Sum(r => r.Fallbacks), runs.Sum(r => r.Errors.Count),
            request.Repeat, StrategySummary.Of(runs), Describe(client.Faults), client.Faults?.Drops ?? 0, client.Faults?.Stalls ?? 0);
    }

    /// <summary>
    /// Probe requests before planning (not counted in Q): with <see cref="DeviceRunRequest.MeasureOverheads"/> they measure
    /// the protocol overheads; either way they make the edge measure its current inference time, which the planner reads
    /// from its status.
    /// </summary>
    private static async Task<MeasuredOverheads?> ProbeAsync(
        EdgeClient client,
        DeviceRunRequest request,
        ModelView model,
        DeviceInput input,
        LinkRates rates,
        Action<string> progress,
        CancellationToken cancellationToken)
    {
        if (request.MeasureOverheads)
        {
            progress($"probing the edge: {OverheadProbe.WarmupProbes + OverheadProbe.InferenceProbes} inferences ({OverheadProbe.InferenceProbes} timed) "
                + $"and {OverheadProbe.DownloadProbes} ranged downloads (not counted)");
            var overheads = await OverheadProbe.MeasureAsync(client, model, input, rates, ResultBytes, RequestBytes, cancellationToken).ConfigureAwait(false);
            progress($"measured overheads: request {overheads.Request.Value * 1e3:0.##} ms, download {overheads.Download.Value * 1e3:0.##} ms");
            return overheads;
        }

        for (var i = 0; i < OverheadProbe.InferenceProbes; i++)
        {
            try
            {
                await client.InferAsync(model.Name, null, input.Body, input.ContentType, input.Shape, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or Polly.Timeout.TimeoutRejectedException)
            {
                progress($"probe inference {i + 1} failed after the retries ({ex.Message}); skipped");
            }
        }

        return null;
    }

    /// <summary>
    /// The strategies to run: the planner's choice (<c>auto</c>), one named strategy, or all six (<c>all</c>), which runs
    /// each on-demand strategy right after asking the edge to drop its cached copy (so it pays T_pr) and before the
    /// pre-pruned one (which then finds the variant ready at the edge, as its name says).
    /// </summary>
    private static IReadOnlyList<Strategy> StrategiesToRun(string strategy, OffloadPlan plan) => strategy switch
    {
        "auto" => plan.Chosen is { } chosen ? [chosen] : throw new Core.EdgeInferInputException("auto: " + plan.Explanation),
        "all" => [Strategy.EdgeFull, Strategy.EdgeOndemand, Strategy.EdgePrepruned, Strategy.DeviceFull, Strategy.DeviceOndemand, Strategy.DevicePrepruned],
        var name => [Strategies.Parse(name)],
    };

    /// <summary>
    /// Runs every strategy <see cref="DeviceRunRequest.Repeat"/> times. Each repetition starts every strategy from the same
    /// state (fresh device cache, the edge's on-demand copy dropped, a plan from the edge's status just before it runs), so
    /// its first request is a first request again; a single named strategy keeps the cache (ETag reuse).
    /// </summary>
    /// <returns>The runs, and the plan inputs and plan of the last strategy run.</returns>
    private static async Task<(List<StrategyRun> Runs, DevicePlanInputs Inputs, PlanContext Plan)> ExecuteAsync(
        RunScope scope, IReadOnlyList<Strategy> strategies, DevicePlanInputs inputs, PlanContext plan, CancellationToken cancellationToken)
    {
        var (client, request) = (scope.Client, scope.Request);
        var runs = new List<StrategyRun>();
        var openedModel = false; // the device opened a downloaded model in this process (plans then drop the first-open excess)
        var fresh = request.Strategy == "all" || request.Repeat > 1;
        foreach (var (strategy, repetition) in Enumerable.Range(1, request.Repeat).SelectMany(r => strategies.Select(s => (s, r))))
        {
            var cacheRoot = request.CacheRoot;
            if (fresh)
            {
                cacheRoot = await ResetAsync(scope, strategy, inputs, cancellationToken).ConfigureAwait(false);
                var status = await client.StatusAsync(cancellationToken).ConfigureAwait(false);
                var model = await client.ModelAsync(request.Model, cancellationToken).ConfigureAwait(false);
                inputs = inputs with { Model = model, Status = status, DeviceOpenedModel = openedModel };
                plan = DevicePlanning.Plan(inputs);
            }

            scope.Progress($"executing {strategy.Name()} with Q = {request.Requests}"
                + (request.Repeat > 1 ? $" (repetition {repetition} of {request.Repeat})" : ""));
            var runner = new StrategyRunner(client, new DeviceModelCache(cacheRoot), scope.Input, scope.DeviceRuntime, request.PrunedFormat);
            var run = await runner.RunAsync(strategy, inputs.Model.Name, inputs.Pruned, request.Requests, plan, cancellationToken).ConfigureAwait(false);
            runs.Add(run);
            scope.Completed?.Add(run);
            openedModel |= !strategy.RunsAtEdge();
        }

        return (runs, inputs, plan);
    }

    /// <summary>A fresh device model cache for <paramref name="strategy"/>, and the edge's on-demand copy dropped when it prunes on demand.</summary>
    /// <returns>The cache folder.</returns>
    private static async Task<string> ResetAsync(RunScope scope, Strategy strategy, DevicePlanInputs inputs, CancellationToken cancellationToken)
    {
        var cacheRoot = Path.Combine(scope.Request.CacheRoot, strategy.Name());
        if (Directory.Exists(cacheRoot))
        {
            Directory.Delete(cacheRoot, recursive: true);
        }

        if (strategy.PrunesOnDemand())
        {
            await scope.Client.EvictAsync(inputs.Model.Name, inputs.Pruned, cancellationToken).ConfigureAwait(false);
        }

        return cacheRoot;
    }

    /// <summary>The model's input shape with the batch fixed to 1, from the catalog's <c>input float[N,3,224,224]</c>.</summary>
    internal static long[] InputShape(ModelView model)
    {
        var text = model.Inputs.FirstOrDefault() ?? throw new Core.EdgeInferInputException($"The edge lists no input for '{model.Name}'.");
        var open = text.IndexOf('[', StringComparison.Ordinal);
        var dims = text[(open + 1)..text.IndexOf(']', StringComparison.Ordinal)].Split(',');
        return [.. dims.Select(d => long.TryParse(d, out var v) ? v : 1L)];
    }

    private static Decision Describe(OffloadPlan plan) => new(
        plan.Chosen?.Name(),
        plan.Explanation,
        [.. plan.Options.Select(o => new DecisionOption(
            o.Outcome.Strategy.Name(),
            o.Outcome.CycleDelay.Value,
            o.Outcome.LifetimeDelay.Value,
            o.Outcome.DeviceEnergy.Value,
            o.Outcome.ExchangedData.Value,
            o.Outcome.Feasible,
            o.Reasons))]);

    /// <summary>The injected faults in words (<c>drop 0.2, stall 0.1 × 0.5 s, seed 3</c>), or null when none.</summary>
    private static string? Describe(Shaping.LinkFaults? faults) => faults?.Options is not { } o
        ? null
        : string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"drop {o.DropProbability}, stall {o.StallProbability} × {o.StallLength.Value} s, seed {o.Seed} (per HTTP attempt)");

    /// <summary>What every strategy run of one device run shares.</summary>
    private sealed record RunScope(
        EdgeClient Client,
        DeviceRunRequest Request,
        DeviceInput Input,
        RuntimeOptions DeviceRuntime,
        Action<string> Progress,
        ICollection<StrategyRun>? Completed);
}
