using System.Globalization;
using EdgeInfer.Contracts;
using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Core.Radio;
using EdgeInfer.Models.Repository;
using EdgeInfer.Pruning.Pipeline;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Runtime.Profiles;

namespace EdgeInfer.Device.Planning;

/// <summary>
/// Builds the planner's scenario from what the device knows: the edge's status (recent inference and prune times,
/// load) and catalog (model sizes), the device profile (device inference times), the radio model (rates), and the
/// request's input size. Every number's source is listed, and a guess says it is one.
/// </summary>
public static class DevicePlanning
{
    /// <summary>
    /// Model bytes per second assumed for on-demand pruning (prune + wire encode, file to file) when the edge has not
    /// pruned this model yet: 40 MB/s, MobileNet's 17 MB in about 0.4 s on the 2-core reference machine at load 0.
    /// </summary>
    public const double AssumedPruneBytesPerSecond = 40e6;

    /// <summary>Makes the scenario from <paramref name="inputs"/> and plans it, with and without the measured overheads.</summary>
    /// <exception cref="Core.EdgeInferInputException">The edge lists no full variant, or reports no inference time for it yet.</exception>
    public static PlanContext Plan(DevicePlanInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var sources = new List<string>();
        var rates = RadioChannel.Evaluate(inputs.Radio).Rates;
        sources.Add(F($"rates: radio model, uplink {rates.Uplink.Value / 1e6:0.#} Mbit/s, downlink {rates.Downlink.Value / 1e6:0.#} Mbit/s"));
        var scenario = PaperScenario(inputs, sources);
        var paper = OffloadPlanner.Plan(scenario, rates);
        if (inputs.Overheads is not { } overheads)
        {
            sources.Add("protocol overheads: not measured, the paper's terms only");
            return new PlanContext(scenario, rates, paper, paper, sources);
        }

        scenario = WithOverheads(scenario, inputs, overheads, sources);
        return new PlanContext(scenario, rates, OffloadPlanner.Plan(scenario, rates), paper, sources);
    }

    /// <summary>The scenario in the paper's terms: sizes, edge and device inference times, T_pr, accuracy.</summary>
    private static PlanningScenario PaperScenario(DevicePlanInputs inputs, List<string> sources)
    {
        var (model, status, pruned) = (inputs.Model, inputs.Status, inputs.Pruned);
        var full = FullEntry(model);
        var prunedEntry = model.Variants.FirstOrDefault(v => v.Variant == pruned.Name);
        var fullSize = full.Sizes.Onnx;
        var prunedSize = PrunedSize(prunedEntry, fullSize, pruned, inputs.PrunedFormat, sources);
        var (edgeFull, edgePruned) = EdgeTimes(status, model.Name, pruned.Name, sources);
        var (deviceFull, devicePruned) = DeviceTimes(inputs, edgeFull, edgePruned, sources);
        var prune = PruneSeconds(status, pruned, fullSize, sources);
        sources.Add($"input size: {inputs.InputBytes} B per request; result size {inputs.ResultBytes} B (paper)");
        var prunedAccuracy = PrunedAccuracy(model, full, prunedEntry, pruned, sources);
        AddConstraintSource(inputs.Constraints, sources);
        return new PlanningScenario
        {
            Radio = inputs.Radio,
            Constraints = inputs.Constraints,
            Edge = new EdgeProfile { Load = status.BackgroundLoad.Tasks },
            Workload = new Workload { Requests = inputs.Requests, InputSize = new Bytes(inputs.InputBytes), ResultSize = new Bytes(inputs.ResultBytes) },
            Model = new Core.Planning.ModelProfile
            {
                Name = model.Name,
                Full = new ModelVariantCosts
                {
                    Size = new Bytes(fullSize),
                    DeviceInference = new Seconds(deviceFull),
                    EdgeInference = new Seconds(edgeFull),
                    Top1 = full.Top1,
                    Top5 = full.Top5,
                },
                Pruned = new ModelVariantCosts
                {
                    Size = new Bytes(prunedSize),
                    DeviceInference = new Seconds(devicePruned),
                    EdgeInference = new Seconds(edgePruned),
                    Prune = new Seconds(prune),
                    PruningFactor = pruned.Factor.Value,
                    Variant = pruned.Name,
                    Top1 = prunedEntry?.Top1 ?? prunedAccuracy?.Top1,
                    Top5 = prunedEntry?.Top5 ?? prunedAccuracy?.Top5,
                },
            },
        };
    }

    /// <summary>The measured terms beyond the paper: device set-up, the edge's session open, request and download overheads.</summary>
    private static PlanningScenario WithOverheads(PlanningScenario scenario, DevicePlanInputs inputs, MeasuredOverheads overheads, List<string> sources)
    {
        var (model, pruned) = (inputs.Model, inputs.Pruned);
        scenario = WithDeviceSetup(scenario, inputs, sources);
        // The edge opens the dense pruned variant: its ONNX size (the catalog's, else the full model's for unstructured pruning).
        var fullSize = FullEntry(model).Sizes.Onnx;
        var prunedOnnx = model.Variants.FirstOrDefault(v => v.Variant == pruned.Name)?.Sizes.Onnx ?? (long)(fullSize * DenseFraction(pruned));
        var open = EdgeSessionOpen(inputs.Status, model, pruned.Name, prunedOnnx, sources);
        sources.Add(F($"request overhead (beyond the paper): {overheads.Request.Value * 1e3:0.##} ms, ")
            + F($"median over {overheads.RequestProbes} probe inferences of wall − T_in − T_res − edge service"));
        sources.Add(F($"download overhead (beyond the paper): {overheads.Download.Value * 1e3:0.##} ms, ")
            + F($"median over {overheads.DownloadProbes} ranged {overheads.DownloadProbeBytes} B probe downloads of wall − T_req − transfer"));
        return scenario with
        {
            Overheads = new ProtocolOverheads { Request = overheads.Request, Download = overheads.Download, EdgeSessionOpen = new Seconds(open) },
        };
    }

    private static VariantView FullEntry(ModelView model) =>
        model.Variants.FirstOrDefault(v => v.Variant == "full") ?? throw new Core.EdgeInferInputException($"The edge has no full variant of '{model.Name}'.");

    /// <summary>T_inf,e of the full and the pruned variant from the edge's status; the pruned one defaults to the full one's.</summary>
    private static (double Full, double Pruned) EdgeTimes(StatusView status, string model, string prunedVariant, List<string> sources)
    {
        var edgeFull = EdgeTime(status, model, "full")
            ?? throw new Core.EdgeInferInputException($"The edge reports no inference time for {model}/full yet; probe it first.");
        sources.Add(F($"edge inference (full): edge status median service time {edgeFull * 1e3:0.##} ms at load {status.BackgroundLoad.Tasks}"));
        if (EdgeTime(status, model, prunedVariant) is not { } edgePruned)
        {
            sources.Add("edge inference (pruned): no recent time, taken as the full model's (dense kernels do not skip zeros)");
            return (edgeFull, edgeFull);
        }

        sources.Add(F($"edge inference (pruned): edge status median service time {edgePruned * 1e3:0.##} ms"));
        return (edgeFull, edgePruned);
    }

    /// <summary>T_inf,d of the full and the pruned variant: the device profile's, else the edge's times × its threads.</summary>
    private static (double Full, double Pruned) DeviceTimes(DevicePlanInputs inputs, double edgeFull, double edgePruned, List<string> sources)
    {
        var (profile, model, threads) = (inputs.DeviceProfile, inputs.Model.Name, inputs.Status.IntraOpThreads);
        if (DeviceTime(profile, model, "full") is not { } deviceFull)
        {
            sources.Add(F($"device inference: no device profile; estimated as edge time × {threads} edge threads"));
            return (edgeFull * threads, edgePruned * threads);
        }

        var devicePruned = DeviceTime(profile, model, inputs.Pruned.Name) ?? deviceFull;
        sources.Add(F($"device inference: device profile median {deviceFull * 1e3:0.##} ms (full), {devicePruned * 1e3:0.##} ms (pruned)"));
        return (deviceFull, devicePruned);
    }

    /// <summary>
    /// The recorded accuracy of the pruned variant, looked up by its name: a variant the edge has not built yet has no
    /// catalog row, but the model's recorded accuracy may still hold it.
    /// </summary>
    private static AccuracyRecord? PrunedAccuracy(ModelView model, VariantView full, VariantView? prunedEntry, ModelVariant pruned, List<string> sources)
    {
        var prunedAccuracy = model.Accuracy.Find(pruned);
        var (top1, dataset, images) = prunedEntry?.Top1 is { } t
            ? (t, prunedEntry.AccuracyDataset, prunedEntry.AccuracyImages)
            : (prunedAccuracy?.Top1, prunedAccuracy?.Dataset, prunedAccuracy?.Images);
        sources.Add(full.Top1 is null && top1 is null
            ? "accuracy: not recorded at the edge (record it with the evaluate command); accuracy constraints cannot be met"
            : F($"accuracy: edge catalog, Top-1 {full.Top1:0.###} (full, {full.AccuracyImages} images of {full.AccuracyDataset}), ")
                + F($"{top1:0.###} ({pruned.Name}, {images} images of {dataset})"));
        return prunedAccuracy;
    }

    /// <summary>Says which accuracy minimum the plan applies (none: any variant may be chosen, whatever its accuracy).</summary>
    private static void AddConstraintSource(PlanningConstraints constraints, List<string> sources) =>
        sources.Add(constraints.MinTop1 is null && constraints.MinTop5 is null
            ? "accuracy constraint: none (any variant may be chosen, whatever its accuracy)"
            : $"accuracy constraint: Top-1 >= {Minimum(constraints.MinTop1)}, Top-5 >= {Minimum(constraints.MinTop5)} "
                + "(a variant below it, or without a recorded accuracy, is ruled out)");

    private static string Minimum(double? fraction) => fraction?.ToString("0.###", CultureInfo.InvariantCulture) ?? "any";

    /// <summary>
    /// The edge's time to build <paramref name="pruned"/> on demand: its recent builds of that variant (the data-aware kinds
    /// are reported per variant), else its data-free prunes of the model; else its start-up calibration rate; else a guess.
    /// A data-aware variant (<c>channel-ls</c>, <c>int8</c>) without its own measurement gets the data-free estimate, said to
    /// be a lower bound.
    /// </summary>
    private static double PruneSeconds(StatusView status, ModelVariant pruned, long fullSize, List<string> sources)
    {
        var model = pruned.Model;
        if (status.Prune.FirstOrDefault(p => p.Model == model && p.Variant == pruned.Name) is { } own)
        {
            sources.Add(F($"prune time: edge status median {own.MedianSeconds:0.###} s over {own.Count} builds of {pruned.Name}"));
            return own.MedianSeconds;
        }

        if (pruned.NeedsCalibration)
        {
            sources.Add(F($"prune time: the edge has not built {pruned.Name} yet; the data-free estimate below is a lower bound ")
                + "(channel-ls and int8 also pass calibration images through the model)");
        }

        if (status.Prune.FirstOrDefault(p => p.Model == model && p.Variant is null) is { } recent)
        {
            sources.Add(F($"prune time: edge status median {recent.MedianSeconds:0.###} s over {recent.Count} prunes"));
            return recent.MedianSeconds;
        }

        if (status.Warmup is { PruneBytesPerSecond: double rate and > 0, Model: var calibrated })
        {
            var seconds = fullSize / rate;
            sources.Add(F($"prune time: {seconds:0.###} s = {fullSize} B at the edge's calibration rate {rate / 1e6:0.#} MB/s ")
                + F($"(its start-up prune of {calibrated}; it has not pruned {model} yet)"));
            return seconds;
        }

        var guess = fullSize / AssumedPruneBytesPerSecond;
        sources.Add(F($"prune time: GUESS {guess:0.###} s from {fullSize} B at an assumed {AssumedPruneBytesPerSecond / 1e6:0} MB/s ")
            + F($"(the edge has not pruned {model} and reports no calibration)"));
        return guess;
    }

    /// <summary>
    /// The edge's session open for a newly pruned variant: its recent opens of that variant; else its warm-up
    /// calibration, scaled by model size when it opened another model; else its opens of the full model.
    /// </summary>
    private static double EdgeSessionOpen(StatusView status, ModelView model, string variant, long variantBytes, List<string> sources)
    {
        var opens = status.SessionOpen;
        if (opens.FirstOrDefault(t => t.Model == model.Name && t.Variant == variant) is { } own)
        {
            sources.Add(F($"edge session open (beyond the paper): {own.MedianSeconds * 1e3:0.##} ms, ")
                + F($"edge status median session open of {model.Name}/{variant} over {own.Count}"));
            return own.MedianSeconds;
        }

        if (status.Warmup is { SessionOpenSeconds: double calibrated and > 0, ModelBytes: long calibratedBytes and > 0, Model: var calibratedModel })
        {
            var seconds = calibrated * variantBytes / calibratedBytes;
            sources.Add(F($"edge session open (beyond the paper): {seconds * 1e3:0.##} ms, the edge's warm-up session open of {calibratedModel} ")
                + F($"({calibrated * 1e3:0.##} ms for {calibratedBytes} B) scaled to {variantBytes} B"));
            return seconds;
        }

        var full = opens.FirstOrDefault(t => t.Model == model.Name && t.Variant == "full");
        sources.Add(full is null
            ? $"edge session open (beyond the paper): 0, the edge reports no session open of {model.Name}"
            : F($"edge session open (beyond the paper): {full.MedianSeconds * 1e3:0.##} ms, ")
                + F($"edge status median session open of {model.Name}/full over {full.Count}"));
        return full?.MedianSeconds ?? 0;
    }

    /// <summary>
    /// The device-side set-up terms beyond the paper, from the device profile (<c>profile --setup-samples</c>): session
    /// open per variant (<see cref="ModelVariantCosts.DeviceSessionOpen"/>), and the wire decode of the pruned variant when it is
    /// downloaded as wire (<see cref="ModelVariantCosts.DeviceDecode"/>). Absent measurements stay 0 and are said so.
    /// </summary>
    private static PlanningScenario WithDeviceSetup(PlanningScenario scenario, DevicePlanInputs inputs, List<string> sources)
    {
        var (profile, model, prunedVariant) = (inputs.DeviceProfile, inputs.Model.Name, inputs.Pruned.Name);
        var (prunedFormat, deviceOpenedModel) = (inputs.PrunedFormat, inputs.DeviceOpenedModel);
        var full = profile?.Device?.Find(model, "full")?.Measurements.FirstOrDefault();
        var pruned = profile?.Device?.Find(model, prunedVariant)?.Measurements.FirstOrDefault();
        // A repeated open costs the profile's median; the first model a process opens costs more (measured: 62 against
        // 41 ms for MobileNet): the largest first-open excess in the profile, until this device has opened a model.
        var firstOpenExcess = deviceOpenedModel ? 0 : (profile?.Device?.Models ?? [])
            .Select(m => m.Measurements.FirstOrDefault())
            .Where(m => m is { FirstSessionOpenSeconds: not null, SessionOpenSeconds: not null })
            .Select(m => Math.Max(0, m!.FirstSessionOpenSeconds!.Value - m.SessionOpenSeconds!.MedianSeconds))
            .DefaultIfEmpty(0).Max();
        var fullOpen = (full?.SessionOpenSeconds?.MedianSeconds ?? 0) + firstOpenExcess;
        var prunedOpen = (pruned?.SessionOpenSeconds?.MedianSeconds ?? full?.SessionOpenSeconds?.MedianSeconds ?? 0) + firstOpenExcess;
        var decode = prunedFormat == "wire" ? pruned?.WireDecodeSeconds?.MedianSeconds ?? 0 : 0;
        sources.Add(full?.SessionOpenSeconds is null
            ? "device session open (beyond the paper): 0, not in the device profile (measure it with setup samples in the profile command)"
            : F($"device session open (beyond the paper): device profile median session open {fullOpen * 1e3:0.##} ms (full), ")
                + F($"{prunedOpen * 1e3:0.##} ms (pruned), including {firstOpenExcess * 1e3:0.##} ms for the process's first model open"));
        sources.Add(prunedFormat != "wire"
            ? $"device decode (beyond the paper): 0, pruned models arrive as {prunedFormat}"
            : pruned?.WireDecodeSeconds is null
                ? "device decode (beyond the paper): 0, no wire decode in the device profile (measure it with setup samples in the profile command)"
                : F($"device decode (beyond the paper): device profile median wire decode {decode * 1e3:0.##} ms (pruned)"));
        return scenario with
        {
            Model = scenario.Model with
            {
                Full = scenario.Model.Full with { DeviceSessionOpen = new Seconds(fullOpen) },
                Pruned = scenario.Model.Pruned with { DeviceSessionOpen = new Seconds(prunedOpen), DeviceDecode = new Seconds(decode) },
            },
        };
    }

    /// <summary>T_inf,e as the device meets it: the edge's service time (decode + queue + inference), else its inference time.</summary>
    private static double? EdgeTime(StatusView status, string model, string variant) =>
        status.Service.FirstOrDefault(t => t.Model == model && t.Variant == variant)?.MedianSeconds
        ?? status.Inference.FirstOrDefault(t => t.Model == model && t.Variant == variant)?.MedianSeconds;

    private static long PrunedSize(VariantView? entry, long fullSize, ModelVariant pruned, string format, List<string> sources)
    {
        var known = format switch
        {
            "onnx" => entry?.Sizes.Onnx,
            "sparse-onnx" => entry?.Sizes.SparseOnnx,
            _ => entry?.Sizes.Wire,
        };
        if (known is { } size)
        {
            sources.Add($"pruned size: edge catalog, {format} format {size} B");
            return size;
        }

        var keep = 1 - pruned.Factor.Value;
        var dense = DenseFraction(pruned);
        var magnitude = pruned.Method is PruningMethod.Global or PruningMethod.Layer && !pruned.IsQuantized;
        var (estimate, how) = format switch
        {
            // Unstructured pruning keeps dense tensors; channel pruning removes about pf of the weights; INT8 stores a quarter.
            "onnx" => ((long)(fullSize * dense), F($"full × {dense:0.###} (dense weights kept)")),
            // COO: 4-byte value + 8-byte index per kept float weight, where that is smaller than dense (never for dense or INT8 tensors).
            "sparse-onnx" when magnitude => ((long)(fullSize * Math.Min(1, 3 * keep)), "full × min(1, 3·(1 − pf))"),
            // Bitmask (1 bit per weight) + the kept float32 values, before the compression pass.
            _ when magnitude => ((long)(fullSize * (keep + (1.0 / 32))), "full × (1 − pf + 1/32)"),
            _ => ((long)(fullSize * dense), F($"full × {dense:0.###} (dense or INT8 tensors are sent as they are)")),
        };
        sources.Add(F($"pruned size: estimated {estimate} B = {how} of {fullSize} B, the edge has not made {pruned.Name} as {format} yet"));
        return estimate;
    }

    /// <summary>
    /// The fraction of the full model's dense ONNX bytes a variant keeps: about 1 − pf for channel pruning (a MACs budget:
    /// about the budget), all of it for magnitude pruning (zeros stay dense), times ¼ when INT8 replaces float32 weights.
    /// </summary>
    private static double DenseFraction(ModelVariant variant)
    {
        var pruned = variant.Method is { } m && m.IsStructured() ? variant.Budget?.KeptFraction ?? 1 - variant.Factor.Value : 1;
        return pruned * (variant.IsQuantized ? 0.25 : 1);
    }

    private static double? DeviceTime(ProfileDocument? profile, string model, string variant) =>
        profile?.Device?.Find(model, variant)?.Measurements.FirstOrDefault()?.Inference.MedianSeconds;

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
