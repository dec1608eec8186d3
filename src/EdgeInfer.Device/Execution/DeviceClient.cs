using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Radio;
using EdgeInfer.Device.Http;
using EdgeInfer.Device.Planning;
using EdgeInfer.Pruning.Variants;
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
    public static async Task<DeviceReport> RunAsync(DeviceRunRequest request, Action<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        progress ??= _ => { };
        var rates = RadioChannel.Evaluate(request.Radio).Rates;
        using var client = new EdgeClient(new EdgeClientOptions { Edge = request.Edge, Shaping = request.Shaping ? rates : null, MaxRetries = request.MaxRetries });
        var model = await client.ModelAsync(request.Model, cancellationToken).ConfigureAwait(false);
        var shape = InputShape(model);
        var input = request.Input is null ? DeviceInput.Synthetic(shape) : DeviceInput.FromFile(request.Input, shape);
        var pruned = request.PrunedVariant;
        MeasuredOverheads? overheads = null;
        if (request.MeasureOverheads)
        {
            // Probe requests (not counted in Q): they measure the protocol overheads and make the edge measure its
            // current inference time, which the planner reads from its status.
            progress($"probing the edge: {OverheadProbe.WarmupProbes + OverheadProbe.InferenceProbes} inferences ({OverheadProbe.InferenceProbes} timed) and {OverheadProbe.DownloadProbes} ranged downloads (not counted)");
            overheads = await OverheadProbe.MeasureAsync(client, model, input, rates, ResultBytes, RequestBytes, cancellationToken).ConfigureAwait(false);
            progress($"measured overheads: request {overheads.Request.Value * 1e3:0.##} ms, download {overheads.Download.Value * 1e3:0.##} ms");
        }
        else
        {
            // The planner needs the edge's current inference time; a few probe requests (not counted in Q) make the edge measure it.
            for (var i = 0; i < OverheadProbe.InferenceProbes; i++)
            {
                await client.InferAsync(model.Name, null, input.Body, input.ContentType, input.Shape, cancellationToken).ConfigureAwait(false);
            }
        }

        var status = await client.StatusAsync(cancellationToken).ConfigureAwait(false);
        var profile = request.DeviceProfile is null ? null : ProfileFile.Read(request.DeviceProfile);
        var plan = DevicePlanning.Plan(model, status, pruned, request.Requests, input.Body.LongLength, request.Radio, profile, ResultBytes, request.PrunedFormat, overheads);
        var decision = Describe(plan.Plan);
        progress($"planner: {decision.Explanation}");

        // "all" runs each on-demand strategy right after asking the edge to drop its cached copy (so it pays T_pr) and
        // before the pre-pruned one (which then finds the variant ready at the edge, as its name says); each device
        // strategy gets a fresh device model cache.
        IReadOnlyList<Strategy> strategies = request.Strategy switch
        {
            "auto" => plan.Plan.Chosen is { } chosen ? [chosen] : throw new Core.EdgeInferInputException("auto: " + plan.Plan.Explanation),
            "all" => [Strategy.EdgeFull, Strategy.EdgeOndemand, Strategy.EdgePrepruned, Strategy.DeviceFull, Strategy.DeviceOndemand, Strategy.DevicePrepruned],
            var name => [Strategies.Parse(name)],
        };
        // Warm-up as the device profile measures (3 untimed runs at open), so the timed runs compare with it; ORT is
        // initialised first, as when the profile measured session opens, so no strategy pays the process's first open.
        var deviceRuntime = new RuntimeOptions { Role = RuntimeRole.Device, IntraOpThreads = request.DeviceThreads, WarmupRuns = 3 };
        progress($"ORT initialised in {RuntimeWarmup.Warm(deviceRuntime).TotalMilliseconds:0} ms (not counted)");
        var runs = new List<StrategyRun>();
        var openedModel = false; // the device opened a downloaded model in this process (plans then drop the first-open excess)
        // Each repetition starts every strategy from the same state (fresh device cache, the edge's on-demand copy
        // dropped), so its first request is a first request again; a single named strategy keeps the cache (ETag reuse).
        var fresh = request.Strategy == "all" || request.Repeat > 1;
        foreach (var (strategy, repetition) in Enumerable.Range(1, request.Repeat).SelectMany(r => strategies.Select(s => (s, r))))
        {
            var cacheRoot = request.CacheRoot;
            if (fresh)
            {
                cacheRoot = Path.Combine(request.CacheRoot, strategy.Name());
                if (Directory.Exists(cacheRoot))
                {
                    Directory.Delete(cacheRoot, recursive: true);
                }

                if (strategy.PrunesOnDemand())
                {
                    await client.EvictAsync(model.Name, pruned, cancellationToken).ConfigureAwait(false);
                }

                // Plan each strategy with the edge's status just before it runs (times and prunes measured so far).
                status = await client.StatusAsync(cancellationToken).ConfigureAwait(false);
                model = await client.ModelAsync(request.Model, cancellationToken).ConfigureAwait(false);
                plan = DevicePlanning.Plan(model, status, pruned, request.Requests, input.Body.LongLength, request.Radio, profile, ResultBytes, request.PrunedFormat, overheads, openedModel);
            }

            progress($"executing {strategy.Name()} with Q = {request.Requests}" + (request.Repeat > 1 ? $" (repetition {repetition} of {request.Repeat})" : ""));
            var runner = new StrategyRunner(client, new DeviceModelCache(cacheRoot), input, deviceRuntime, request.PrunedFormat);
            runs.Add(await runner.RunAsync(strategy, model.Name, pruned, request.Requests, plan, cancellationToken).ConfigureAwait(false));
            openedModel |= !strategy.RunsAtEdge();
        }

        return new DeviceReport(request.Edge.ToString(), model.Name, request.Requests, request.Shaping, rates.Uplink.Value, rates.Downlink.Value, status.BackgroundLoad.Tasks, decision, plan.Sources, runs,
            client.Retries, runs.Sum(r => r.Fallbacks), runs.Sum(r => r.Errors.Count), request.Repeat, StrategySummary.Of(runs));
    }

    /// <summary>The model's input shape with the batch fixed to 1, from the catalog's <c>input float[N,3,224,224]</c>.</summary>
    internal static long[] InputShape(EdgeModel model)
    {
        var text = model.Inputs.FirstOrDefault() ?? throw new Core.EdgeInferInputException($"The edge lists no input for '{model.Name}'.");
        var open = text.IndexOf('[', StringComparison.Ordinal);
        var dims = text[(open + 1)..text.IndexOf(']', StringComparison.Ordinal)].Split(',');
        return [.. dims.Select(d => long.TryParse(d, out var v) ? v : 1L)];
    }

    private static Decision Describe(OffloadPlan plan) => new(
        plan.Chosen?.Name(),
        plan.Explanation,
        [.. plan.Options.Select(o => new DecisionOption(o.Outcome.Strategy.Name(), o.Outcome.CycleDelay.Value, o.Outcome.LifetimeDelay.Value, o.Outcome.DeviceEnergy.Value, o.Outcome.ExchangedData.Value, o.Outcome.Feasible, o.Reasons))]);
}
