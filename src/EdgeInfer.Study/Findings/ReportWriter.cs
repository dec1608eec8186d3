using System.Globalization;
using System.Text;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Runtime.Measurement;
using EdgeInfer.Study.Figures;

namespace EdgeInfer.Study.Findings;

/// <summary>Writes <c>report.md</c>: setup, measured inputs, thresholds, decisions, the comparison with the paper and the figures.</summary>
public static partial class ReportWriter
{
    /// <summary>The Markdown text of the report.</summary>
    public static string Format(StudyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var c = result.Config;
        var md = new StringBuilder();
        md.AppendLine("# EdgeInfer reproduction of \"Machine Learning Performance at the Edge: When to Offload an Inference Task\"").AppendLine();
        md.Append(F($"Preset `{result.Preset}`, run {result.StartedUtc:yyyy-MM-dd HH:mm} UTC, wall time {result.WallSeconds:F0} s "))
            .AppendLine(F($"({result.CacheHits} cached measurements reused, {result.CacheMisses} measured)."));
        var memoryGib = double.Parse(Get(result, "memoryBytes"), CultureInfo.InvariantCulture) / (1 << 30);
        md.Append(F($"Machine: {Get(result, "cpu")}, {Get(result, "logicalCores")} logical cores, {memoryGib:F0} GiB, {Get(result, "os")}; "))
            .AppendLine(F($"ONNX Runtime {Get(result, "onnxRuntime")}, {Get(result, "dotnet")}.")).AppendLine();

        Setup(md, result);
        md.AppendLine("## Headline findings: the paper and this run").AppendLine();
        md.AppendLine("| Finding | Paper | This run | Comment |").AppendLine("|---|---|---|---|");
        foreach (var f in result.Findings)
        {
            md.AppendLine($"| {f.Finding} | {f.Paper} | {f.Ours} | {f.Comment} |");
        }

        md.AppendLine();
        Thresholds(md, result);
        Decisions(md, result);
        Inputs(md, result);
        Tradeoff(md, result);
        md.AppendLine("## Figures").AppendLine();
        foreach (var figure in result.Figures)
        {
            md.AppendLine($"### {figure.Name}: {figure.Title}").AppendLine();
            if (figure.Panels.Any(p => p.Series.Any(s => s.Points.Count > 0)))
            {
                md.AppendLine($"![{figure.Name}](figures/{figure.Name}.png)").AppendLine();
            }

            md.Append(figure.Caption).Append($" Data: [`figures/{figure.Name}.csv`](figures/{figure.Name}.csv), ")
                .AppendLine($"vector: [`figures/{figure.Name}.svg`](figures/{figure.Name}.svg).").AppendLine();
        }

        return md.ToString();
    }

    private static void Setup(StringBuilder md, StudyResult result)
    {
        var c = result.Config;
        md.AppendLine("## How this setup differs from the paper's").AppendLine();
        md.Append("- **Hardware.** The paper's edge is a 4-vCPU Azure D4ds v5 VM and its device a separate 1-core i7-9750H. ")
            .Append("Here both roles run on this one machine: the device role is an ONNX Runtime session with ")
            .Append(F($"{c.DeviceThreads} intra-op thread(s)")).Append(", the edge role one with ")
            .Append(c.EdgeThreads is { } t ? F($"{t}") : "all").AppendLine(" cores, measured one after the other.");
        md.Append("- **Edge load.** The paper runs up to 100 Docker containers; we run L background ONNX Runtime sessions of ")
            .Append(F($"{(c.LoadModel ?? "the measured model")} (one thread each), measured at L = {string.Join(", ", c.EdgeLoads.Order())}; "))
            .AppendLine(F($"loads above {c.EdgeLoads.Max()} up to {c.PlotMaxLoad} are extrapolated with a processor-sharing fit and drawn dotted."));
        md.Append("- **Untrained weights.** ResNet-152, DenseNet-201 and MobileNet v1 are built by EdgeInfer with the exact architectures and ")
            .Append("parameter counts but seeded random weights: valid for time, size and pruning time, never for accuracy. ")
            .Append("Accuracy (Fig. 2(a)) is measured on a real trained network instead: ").Append(c.AccuracyModel ?? "none")
            .AppendLine(" (ImageNet ResNet-18 backbone with a trained Fashion-MNIST head), not on ImageNet.");
        md.Append("- **Pruning.** The paper prunes by weight magnitude (TensorFlow Model Optimization / Keras Surgeon). ")
            .Append(F($"The comparisons here use `{c.ComparisonDescription}`"))
            .Append(c.PruningMethod switch
            {
                PruningMethod.ChannelLs => ": structured, whole channels removed, so the pruned model is smaller and really faster in ONNX "
                    + "Runtime, with the channels chosen and the kept weights re-fitted by least squares on calibration images so that it "
                    + "stays accurate (no training)",
                PruningMethod.Channel => ": structured, whole channels removed, so the pruned model is smaller and really faster in ONNX Runtime "
                    + "(zeros from unstructured pruning do not speed up dense kernels)",
                _ => ": unstructured zeros, which dense ONNX Runtime kernels do not skip",
            })
            .AppendLine(".");
        md.Append("- **Accuracy in decisions.** ").AppendLine(result.DecisionAccuracy?.Statement ?? "No accuracy constraint could be applied.");
        md.Append("- **Wire format.** A pruned model is sent to the device in EdgeInfer's `.eiw` format (bitmask of non-zeros plus packed ")
            .AppendLine("values, Brotli), the full model as its ONNX file; the paper does not state its model encoding.");
        md.Append("- **Radio.** As in the paper (3.5 GHz, 100 MHz, 23/10 dBm, 4×4 arrays, UMi street canyon) at ")
            .Append(F($"{c.Scenario.Radio.Distance.Value:G4} m, {c.Scenario.Radio.Condition.ToString().ToUpperInvariant()}; "))
            .Append("noise figures are our assumption. ")
            .AppendLine(F($"Rates: uplink {result.Rates.Uplink.Value / 1e6:F0} Mbit/s, downlink {result.Rates.Downlink.Value / 1e6:F0} Mbit/s."));
        var (workload, device) = (c.Scenario.Workload, c.Scenario.Device);
        md.Append(F($"- **Messages and powers** as in the paper: input {workload.InputSize.Value / 1000.0:G4} kB, "))
            .Append(F($"result {workload.ResultSize.Value / 1000.0:G4} kB, "))
            .Append(F($"model request {workload.RequestSize.Value / 1000.0:G4} kB (not given by the paper); "))
            .Append(F($"P_tx {device.TxPower.Value} W, P_rx {device.RxPower.Value} W, P_E {device.BasebandPower.Value} W, "))
            .AppendLine(F($"P_d {device.ComputePower.Value} W, P_edge {c.Scenario.Edge.ComputePower.Value} W."));
        md.Append(F($"- **Statistics.** Medians of {c.Samples} timed inferences after {c.WarmupRuns} warm-up(s), "))
            .Append(c.EffectivePruneTiming == Config.PruneTiming.Derived
                ? "one timed pruning at the lowest load (derived above it, see the pruning table); "
                : F($"{c.PruneSamples} timed pruning(s) per load; "))
            .AppendLine("p90 shown next to each median. Other processes on this machine add noise.");
        if (result.PaperPresetEdgeSeconds is { } paper && c.EdgeLoads.Max() < Config.StudyPresets.Paper.EdgeLoads.Max())
        {
            md.Append(F($"- **The `paper` preset** (loads up to {Config.StudyPresets.Paper.EdgeLoads.Max()}) would spend at least {paper / 3600:F1} h "))
                .AppendLine("in its edge phase on this machine (estimated from this run's fitted edge times; session starts not counted).");
        }

        md.AppendLine();
    }

    private static void Thresholds(StringBuilder md, StudyResult result)
    {
        md.AppendLine("## Thresholds").AppendLine();
        md.Append("Edge load from which the device is faster (cycle delay of one request, Eqs. 2 and 5; the device includes the model download), ")
            .AppendLine("and Q from which the device beats edge-full (planner break-even; \"never\" = not within 10^6).").AppendLine();
        md.Append("| Model | full vs full | pruned vs pruned | best device vs best edge | data: device-full | data: device-prepruned ")
            .AppendLine("| energy: device-prepruned | delay at L = 0: device-prepruned | delay at highest measured L: device-prepruned |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var t in result.Thresholds)
        {
            var zero = t.AtLoadZero;
            var max = t.AtMaxMeasuredLoad;
            md.Append($"| {t.Model} | {Load(t.FullLoad)} | {Load(t.PrunedLoad)} | {Load(t.BestLoad)} | ")
                .Append($"{Q(zero[0].Data)} | {Q(zero[1].Data)} | {Q(zero[1].Energy)} | {Q(zero[1].Delay)} | ")
                .AppendLine($"{Q(max[1].Delay)} (L = {t.MaxMeasuredLoad}) |");
        }

        md.AppendLine();
    }

    private static void Decisions(StringBuilder md, StudyResult result)
    {
        md.AppendLine("## Planner decisions for representative scenarios").AppendLine();
        md.AppendLine("**Accuracy.** " + (result.DecisionAccuracy?.Statement ?? "No accuracy constraint could be applied.")).AppendLine();
        md.AppendLine("| Model | Edge load | Q | Edge times | Fastest (lifetime delay) | Least device energy | Top-1 of the fastest's variant (source) | Why |")
            .AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var d in result.Decisions)
        {
            md.AppendLine(F($"| {d.Model} | {d.Load} | {d.Requests} | {d.EdgeTimes} | {d.Latency} | {d.Energy} | {d.Accuracy} | {d.Explanation} |"));
        }

        md.AppendLine();
    }

    private static string Load(LoadCrossing? threshold) => threshold is null
        ? "never (≤ plotted max)"
        : F($"L = {threshold.Load}{(threshold.Kind == PointKind.Extrapolated ? " (extrapolated)" : "")}");

    private static string Q(long? q) => q is { } v ? F($"Q = {v}") : "never";

    private static string Get(StudyResult result, string key) => result.Machine.TryGetValue(key, out var value) ? value : "?";

    private static string Ms(LatencyStatistics s) => F($"{s.MedianSeconds * 1e3:F1} ({s.P90Seconds * 1e3:F1})");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
