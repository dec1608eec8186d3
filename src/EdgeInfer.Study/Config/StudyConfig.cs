using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Study.Config;

/// <summary>
/// What the study measures and plots. Every default is the paper's Section 4.1 value (or, where the paper gives none,
/// the documented choice of <c>docs/experiments.md</c>); the <c>quick</c> and <c>paper</c> presets change only how much
/// is measured (<see cref="StudyPresets"/>). Validate once with <see cref="Validated"/>, which lists every problem.
/// </summary>
public sealed record StudyConfig
{
    /// <summary>Catalog models of Figs. 2(b)–5 (untrained, built by EdgeInfer). Default resnet152, densenet201, mobilenet.</summary>
    public IReadOnlyList<string> Models { get; init; } = ["resnet152", "densenet201", "mobilenet"];

    /// <summary>The trained classifier of Fig. 2(a); null skips accuracy. Default <c>resnet18-fmnist</c>.</summary>
    public string? AccuracyModel { get; init; } = "resnet18-fmnist";

    /// <summary>Test images evaluated per pruning factor (≥ 1; the embedded subset has 1,000). Default 1000.</summary>
    public int AccuracyImages { get; init; } = 1000;

    /// <summary>Pruning factors of Fig. 2(a) and of the pruning-time-versus-pf check, distinct. Default 0, 0.3, 0.5, 0.7, 0.8, 0.9.</summary>
    public IReadOnlyList<PruningFactor> PruningFactors { get; init; } = [.. new[] { 0, 0.3, 0.5, 0.7, 0.8, 0.9 }.Select(PruningFactor.Of)];

    /// <summary>
    /// The pruning factor of every full-versus-pruned comparison (Figs. 2(b)–5), above 0, unless
    /// <see cref="ComparisonMacsBudget"/> is set. Default 0.7 (paper).
    /// </summary>
    public PruningFactor ComparisonPruningFactor { get; init; } = PruningFactor.Of(0.7);

    /// <summary>
    /// A MACs budget for the comparisons instead of <see cref="ComparisonPruningFactor"/> (JSON <c>comparisonMacsBudget</c>,
    /// e.g. 0.5 keeps half the MACs); structured methods only. Default null (the uniform pf).
    /// </summary>
    public MacsBudget? ComparisonMacsBudget { get; init; }

    /// <summary>
    /// Pruning method of the comparisons: <c>channel-ls</c> (default: structured with least-squares reconstruction on
    /// calibration images, so the smaller model is both faster in ONNX Runtime and still accurate), <c>channel</c>
    /// (structured by weight norm: as fast, far less accurate), <c>global</c> or <c>layer</c> (magnitude: zeros, same dense
    /// kernels). JSON <c>pruningMethod</c> takes a kind, so <c>channel-ls+int8</c> also sets <see cref="ComparisonPrecision"/>.
    /// </summary>
    public PruningMethod PruningMethod { get; init; } = PruningMethod.ChannelLs;

    /// <summary>Number format of the comparisons' pruned variant: <see cref="Precision.Int8"/> quantizes it after pruning. Default float32.</summary>
    public Precision ComparisonPrecision { get; init; } = Precision.Float32;

    /// <summary>
    /// Calibration images (the embedded Fashion-MNIST training subset, preprocessed to each model's input) for the variants
    /// that need them (<c>channel-ls</c>, <c>int8</c>), in [1, 2000]. Default 512.
    /// </summary>
    public int CalibrationImages { get; init; } = 512;

    /// <summary>
    /// Calibration images for the data-aware variants of <see cref="Models"/>, in [1, 2000]. Those networks are timed and
    /// sized, never scored (their weights are untrained; <see cref="AccuracyModel"/> stands in for their accuracy), and a
    /// <c>channel-ls</c> build's time grows with its images (ResNet-152 at 224 px: about 0.8 s per image for the original
    /// pass alone). Default 64, the count of the ResNet-152 cost target; the selection samples at most 4,096
    /// positions per layer, which 64 images at 7×7 nearly supply.
    /// </summary>
    public int TimingCalibrationImages { get; init; } = 64;

    /// <summary>How T_pr is obtained: measured at every load, or at L = 0 and derived (see <see cref="Config.PruneTiming"/>). Default auto.</summary>
    public PruneTiming PruneTiming { get; init; } = PruneTiming.Auto;

    /// <summary>The resolved <see cref="PruneTiming"/>: <see cref="PruneTiming.Derived"/> or <see cref="PruneTiming.Measured"/>.</summary>
    public PruneTiming EffectivePruneTiming => PruneTiming != PruneTiming.Auto
        ? PruneTiming
        : PruningMethod == PruningMethod.ChannelLs ? PruneTiming.Derived : PruneTiming.Measured;

    /// <summary>
    /// Pruning methods of Fig. 2(a) and of the Pareto chart of the accuracy model. Default every method
    /// <see cref="PruningMethods.Names"/> lists, so a new method appears as soon as it exists.
    /// </summary>
    public IReadOnlyList<PruningMethod> AccuracyMethods { get; init; } = [.. PruningMethods.Names.Select(name => PruningMethods.Parse(name))];

    /// <summary>
    /// The accuracy every decision requires: at most this many percentage points of Top-1 below the full model's
    /// (measured on <see cref="AccuracyModel"/>, the trained proxy that stands in for the untrained catalog models at the same
    /// variant), in [0, 100]; null applies no accuracy constraint. Default 5 (e.g. 84.8 % → at least 79.8 %).
    /// </summary>
    public double? MaxTop1LossPoints { get; init; } = 5;

    /// <summary>
    /// The variants of <see cref="AccuracyModel"/> whose accuracy the study measures: the full model, each of
    /// <see cref="AccuracyMethods"/> at each pf above 0 of <see cref="PruningFactors"/>, and the comparison variant (whose
    /// accuracy stands in for the untrained models' in every decision); each once, in that order. Empty without an accuracy model.
    /// </summary>
    public IReadOnlyList<ModelVariant> AccuracyVariants()
    {
        if (AccuracyModel is not { } model)
        {
            return [];
        }

        var grid = AccuracyMethods.SelectMany(method => PruningFactors.Where(pf => !pf.IsZero).Order().Select(pf => ModelVariant.Pruned(model, method, pf)));
        return [.. new[] { ModelVariant.Full(model) }.Concat(grid).Append(ComparisonVariant(model)).DistinctBy(v => v.Name, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The pruned variant of <paramref name="model"/> the comparisons use: <see cref="PruningMethod"/> at
    /// <see cref="ComparisonPruningFactor"/> or to <see cref="ComparisonMacsBudget"/>, in <see cref="ComparisonPrecision"/>.
    /// </summary>
    /// <exception cref="Core.EdgeInferInputException">A budget with a magnitude method (<see cref="Validated"/> reports it first).</exception>
    public ModelVariant ComparisonVariant(string model) =>
        (ComparisonMacsBudget is { } budget
            ? ModelVariant.Budgeted(model, PruningMethod, budget)
            : ModelVariant.Pruned(model, PruningMethod, ComparisonPruningFactor)).WithPrecision(ComparisonPrecision);

    /// <summary>The comparisons' variant in words for captions: <c>channel-ls, pf 0.7</c> or <c>channel-ls+int8, MACs budget 0.5</c>.</summary>
    public string ComparisonDescription
    {
        get
        {
            var kind = ComparisonVariant("model").Kind;
            return ComparisonMacsBudget is { } budget ? $"{kind}, MACs budget {budget}" : $"{kind}, pf {ComparisonPruningFactor}";
        }
    }

    /// <summary>Measured edge loads (concurrent background inference tasks), distinct, in [0, 1024]. Default 0, 2, 4, 8, 16.</summary>
    public IReadOnlyList<int> EdgeLoads { get; init; } = [0, 2, 4, 8, 16];

    /// <summary>
    /// Largest load plotted in Fig. 3 (paper: 100); loads beyond the measured ones are extrapolated with the
    /// processor-sharing fit and drawn as such.
    /// </summary>
    public int PlotMaxLoad { get; init; } = 100;

    /// <summary>Largest Q of Figs. 4 and 5 (paper: 300).</summary>
    public int MaxRequests { get; init; } = 300;

    /// <summary>
    /// Catalog model the background load tasks run; null: each measured model loads the edge with itself. Default
    /// mobilenet (memory stays bounded at 100 tasks).
    /// </summary>
    public string? LoadModel { get; init; } = "mobilenet";

    /// <summary>Timed inferences per measurement (warm-up excluded), ≥ 1. Default 10.</summary>
    public int Samples { get; init; } = 10;

    /// <summary>Untimed inferences before each measurement, ≥ 0. Default 2.</summary>
    public int WarmupRuns { get; init; } = 2;

    /// <summary>Timed prunings per (model, load), ≥ 1. Default 2.</summary>
    public int PruneSamples { get; init; } = 2;

    /// <summary>Intra-op threads of the device role. Default 1 (the paper's device has one core).</summary>
    public int DeviceThreads { get; init; } = 1;

    /// <summary>Intra-op threads of the edge role; null = all cores.</summary>
    public int? EdgeThreads { get; init; }

    /// <summary>Radio, device powers, edge power and message sizes (the <c>scenario</c> section, read by <c>ScenarioJson</c>). Default the paper's.</summary>
    public PlanningScenario Scenario { get; init; } = new();

    /// <summary>Battery capacities drawn in Fig. 5. Default 3.7, 11.1, 18.5 Wh (paper).</summary>
    public IReadOnlyList<WattHours> Batteries { get; init; } = [new(3.7), new(11.1), new(18.5)];

    /// <summary>Every problem, each naming its JSON field.</summary>
    public IReadOnlyList<string> Problems() => StudyConfigValidation.Problems(this);

    /// <summary>Throws one <see cref="Core.EdgeInferInputException"/> listing every problem; returns this when valid.</summary>
    public StudyConfig Validated()
    {
        var problems = Problems();
        return problems.Count == 0 ? this : throw new Core.EdgeInferInputException("Invalid study config: " + string.Join("; ", problems) + ".");
    }
}
