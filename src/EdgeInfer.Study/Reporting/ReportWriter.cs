using System.Globalization;
using System.Text;
using EdgeInfer.Core.Planning;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Runtime.Measurement;
using EdgeInfer.Study.Figures;

namespace EdgeInfer.Study.Reporting;

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
        md.AppendLine(F($"Preset `{result.Preset}`, run {result.StartedUtc:yyyy-MM-dd HH:mm} UTC, wall time {result.WallSeconds:F0} s ({result.CacheHits} cached measurements reused, {result.CacheMisses} measured)."));
        md.AppendLine(F($"Machine: {Get(result, "cpu")}, {Get(result, "logicalCores")} logical cores, {double.Parse(Get(result, "memoryBytes"), CultureInfo.InvariantCulture) / (1 << 30):F0} GiB, {Get(result, "os")}; ONNX Runtime {Get(result, "onnxRuntime")}, {Get(result, "dotnet")}.")).AppendLine();

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
        md.AppendLine("## Figures").AppendLine();
        foreach (var figure in result.Figures)
        {
            md.AppendLine($"### {figure.Name}: {figure.Title}").AppendLine();
            if (figure.Panels.Any(p => p.Series.Any(s => s.Points.Count > 0)))
            {
                md.AppendLine($"![{figure.Name}](figures/{figure.Name}.png)").AppendLine();
            }

            md.AppendLine(figure.Caption + $" Data: [`figures/{figure.Name}.csv`](figures/{figure.Name}.csv), vector: [`figures/{figure.Name}.svg`](figures/{figure.Name}.svg).").AppendLine();
        }

        return md.ToString();
    }

    private static void Setup(StringBuilder md, StudyResult result)
    {
        var c = result.Config;
        md.AppendLine("## How this setup differs from the paper's").AppendLine();
        md.AppendLine("- **Hardware.** The paper's edge is a 4-vCPU Azure D4ds v5 VM and its device a separate 1-core i7-9750H. Here both roles run on this one machine: the device role is an ONNX Runtime session with " + F($"{c.DeviceThreads} intra-op thread(s)") + ", the edge role one with " + (c.EdgeThreads is { } t ? F($"{t}") : "all") + " cores, measured one after the other.");
        md.AppendLine(F($"- **Edge load.** The paper runs up to 100 Docker containers; we run L background ONNX Runtime sessions of {(c.LoadModel ?? "the measured model")} (one thread each), measured at L = {string.Join(", ", c.EdgeLoads.Order())}; loads above {c.EdgeLoads.Max()} up to {c.PlotMaxLoad} are extrapolated with a processor-sharing fit and drawn dotted."));
        md.AppendLine("- **Untrained weights.** ResNet-152, DenseNet-201 and MobileNet v1 are built by EdgeInfer with the exact architectures and parameter counts but seeded random weights: valid for time, size and pruning time, never for accuracy. Accuracy (Fig. 2(a)) is measured on a real trained network instead: " + (c.AccuracyModel ?? "none") + " (ImageNet ResNet-18 backbone with a trained Fashion-MNIST head), not on ImageNet.");
        md.AppendLine(F($"- **Pruning.** The paper prunes by weight magnitude (TensorFlow Model Optimization / Keras Surgeon). The comparisons here use `{c.PruningMethod.Name()}` pruning at pf {c.ComparisonPruningFactor.Value:0.##}{(c.PruningMethod == PruningMethod.Channel ? ": structured, whole channels removed, so the pruned model is smaller and really faster in ONNX Runtime (zeros from unstructured pruning do not speed up dense kernels)" : ": unstructured zeros, which dense ONNX Runtime kernels do not skip")}."));
        md.AppendLine("- **Wire format.** A pruned model is sent to the device in EdgeInfer's `.eiw` format (bitmask of non-zeros plus packed values, Brotli), the full model as its ONNX file; the paper does not state its model encoding.");
        md.AppendLine(F($"- **Radio.** As in the paper (3.5 GHz, 100 MHz, 23/10 dBm, 4×4 arrays, UMi street canyon) at {c.Scenario.Radio.Distance.Value:G4} m, {c.Scenario.Radio.Condition.ToString().ToUpperInvariant()}; noise figures are our assumption. Rates: uplink {result.Rates.Uplink.Value / 1e6:F0} Mbit/s, downlink {result.Rates.Downlink.Value / 1e6:F0} Mbit/s."));
        md.AppendLine(F($"- **Messages and powers** as in the paper: input {c.Scenario.Workload.InputSize.Value / 1000.0:G4} kB, result {c.Scenario.Workload.ResultSize.Value / 1000.0:G4} kB, model request {c.Scenario.Workload.RequestSize.Value / 1000.0:G4} kB (not given by the paper); P_tx {c.Scenario.Device.TxPower.Value} W, P_rx {c.Scenario.Device.RxPower.Value} W, P_E {c.Scenario.Device.BasebandPower.Value} W, P_d {c.Scenario.Device.ComputePower.Value} W, P_edge {c.Scenario.Edge.ComputePower.Value} W."));
        md.AppendLine(F($"- **Statistics.** Medians of {c.Samples} timed inferences after {c.WarmupRuns} warm-up(s), {c.PruneSamples} timed pruning(s) per load; p90 shown next to each median. Other processes on this machine add noise."));
        if (result.PaperPresetEdgeSeconds is { } paper && c.EdgeLoads.Max() < Config.StudyPresets.Paper.EdgeLoads.Max())
        {
            md.AppendLine(F($"- **The `paper` preset** (loads up to {Config.StudyPresets.Paper.EdgeLoads.Max()}) would spend at least {paper / 3600:F1} h in its edge phase on this machine (estimated from this run's fitted edge times; session starts not counted)."));
        }

        md.AppendLine();
    }

    private static void Thresholds(StringBuilder md, StudyResult result)
    {
        md.AppendLine("## Thresholds").AppendLine();
        md.AppendLine("Edge load from which the device is faster (cycle delay of one request, Eqs. 2 and 5; the device includes the model download), and Q from which the device beats edge-full (planner break-even; \"never\" = not within 10^6).").AppendLine();
        md.AppendLine("| Model | full vs full | pruned vs pruned | best device vs best edge | data: device-full | data: device-prepruned | energy: device-prepruned | delay at L = 0: device-prepruned | delay at highest measured L: device-prepruned |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var t in result.Thresholds)
        {
            var zero = t.AtLoadZero;
            var max = t.AtMaxMeasuredLoad;
            md.AppendLine($"| {t.Model} | {Load(t.FullLoad)} | {Load(t.PrunedLoad)} | {Load(t.BestLoad)} | {Q(zero[0].Data)} | {Q(zero[1].Data)} | {Q(zero[1].Energy)} | {Q(zero[1].Delay)} | {Q(max[1].Delay)} (L = {t.MaxMeasuredLoad}) |");
        }

        md.AppendLine();
    }

    private static void Decisions(StringBuilder md, StudyResult result)
    {
        md.AppendLine("## Planner decisions for representative scenarios").AppendLine();
        md.AppendLine("| Model | Edge load | Q | Edge times | Fastest (lifetime delay) | Least device energy | Why |").AppendLine("|---|---|---|---|---|---|---|");
        foreach (var d in result.Decisions)
        {
            md.AppendLine(F($"| {d.Model} | {d.Load} | {d.Requests} | {d.EdgeTimes} | {d.Latency} | {d.Energy} | {d.Explanation} |"));
        }

        md.AppendLine();
    }

    private static string Load(LoadThreshold? threshold) => threshold is null ? "never (≤ plotted max)" : F($"L = {threshold.Load}{(threshold.Kind == PointKind.Extrapolated ? " (extrapolated)" : "")}");

    private static string Q(long? q) => q is { } v ? F($"Q = {v}") : "never";

    private static string Get(StudyResult result, string key) => result.Machine.TryGetValue(key, out var value) ? value : "?";

    private static string Ms(LatencyStatistics s) => F($"{s.MedianSeconds * 1e3:F1} ({s.P90Seconds * 1e3:F1})");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
