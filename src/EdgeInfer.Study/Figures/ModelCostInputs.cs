using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Runtime.Profiles;
using EdgeInfer.Study.Config;
using EdgeInfer.Study.Running;
using CoreModelProfile = EdgeInfer.Core.Planning.ModelProfile;

namespace EdgeInfer.Study.Figures;

/// <summary>
/// Turns one model's measurements into planner scenarios: medians of the measured times, edge times at any load read
/// from a <see cref="LoadCurve"/> (measured, interpolated between measured loads, or extrapolated with the
/// processor-sharing fit beyond them), transfer sizes as measured. Every cost is then computed by the Core planner.
/// </summary>
public sealed class ModelCostInputs
{
    private readonly StudyConfig config;
    private readonly ModelMeasurements measured;
    private readonly LoadCurve edgeFull;
    private readonly LoadCurve edgePruned;
    private readonly LoadCurve prune;

    /// <summary>
    /// Creates the inputs of <paramref name="measured"/> under <paramref name="config"/>; <paramref name="accuracy"/> (null:
    /// none) gives every scenario the variants' Top-1/Top-5 and the minimum Top-1, so every plan made from it respects accuracy.
    /// </summary>
    public ModelCostInputs(StudyConfig config, ModelMeasurements measured, DecisionAccuracy? accuracy = null)
    {
        this.config = config ?? throw new ArgumentNullException(nameof(config));
        this.measured = measured ?? throw new ArgumentNullException(nameof(measured));
        Accuracy = accuracy;
        edgeFull = new LoadCurve($"edge inference of {measured.Model}/full", measured.Edge.Select(e => (e.Load, e.Full.MedianSeconds)));
        edgePruned = new LoadCurve($"edge inference of {measured.Pruned.Spec}", measured.Edge.Select(e => (e.Load, e.Pruned.MedianSeconds)));
        prune = new LoadCurve($"pruning of {measured.Pruned.Spec}", measured.Edge.Select(e => (e.Load, e.Prune.MedianSeconds)));
    }

    /// <summary>The model name.</summary>
    public string Model => measured.Model;

    /// <summary>The measurements.</summary>
    public ModelMeasurements Measured => measured;

    /// <summary>The accuracy the plans use (the trained proxy's, see <see cref="DecisionAccuracy"/>), or null: none.</summary>
    public DecisionAccuracy? Accuracy { get; }

    /// <summary>Largest load with a value: <c>plotMaxLoad</c> when two or more loads were measured (the fit needs two), else the measured one.</summary>
    public int MaxLoad => edgeFull.MinLoad == edgeFull.MaxLoad ? edgeFull.MaxLoad : Math.Max(config.PlotMaxLoad, edgeFull.MaxLoad);

    /// <summary>Highest measured load.</summary>
    public int MaxMeasuredLoad => edgeFull.MaxLoad;

    /// <summary>Pruning time T_pr at <paramref name="load"/> and how it was obtained.</summary>
    public EdgeTimeEstimate PruneAt(double load) => prune.At(load, extrapolate: true);

    /// <summary>The planner scenario at edge load <paramref name="load"/> and Q = <paramref name="requests"/>, with how each edge time was obtained.</summary>
    public ScenarioAtLoad Scenario(double load, long requests)
    {
        var full = edgeFull.At(load, extrapolate: true);
        var pruned = edgePruned.At(load, extrapolate: true);
        var pr = prune.At(load, extrapolate: true);
        var model = new CoreModelProfile
        {
            Name = measured.Model,
            Full = new ModelVariantCosts
            {
                Size = new Bytes(measured.Full.TransferBytes),
                DeviceInference = measured.DeviceFull.Median,
                EdgeInference = new Seconds(full.Seconds),
                Top1 = Accuracy?.Full?.Top1,
                Top5 = Accuracy?.Full?.Top5,
            },
            Pruned = new ModelVariantCosts
            {
                Size = new Bytes(measured.Pruned.TransferBytes),
                DeviceInference = measured.DevicePruned.Median,
                EdgeInference = new Seconds(pruned.Seconds),
                Prune = new Seconds(pr.Seconds),
                PruningFactor = measured.Pruned.Spec.Factor.Value,
                Variant = measured.Pruned.Spec.Name,
                Top1 = Accuracy?.Pruned?.Top1,
                Top5 = Accuracy?.Pruned?.Top5,
            },
        };
        var scenario = config.Scenario with
        {
            Constraints = config.Scenario.Constraints with { MinTop1 = Accuracy?.MinTop1 ?? config.Scenario.Constraints.MinTop1 },
            Model = model,
            Edge = config.Scenario.Edge with { Load = load },
            Workload = config.Scenario.Workload with { Requests = requests },
        };
        return new ScenarioAtLoad(scenario, Kind(full), Kind(pruned), Kind(pr));
    }

    /// <summary>The less reliable of two kinds (extrapolated &gt; interpolated &gt; measured).</summary>
    public static PointKind Worst(PointKind a, PointKind b) => (PointKind)Math.Max((int)a, (int)b);

    private static PointKind Kind(EdgeTimeEstimate estimate) => estimate.Kind switch
    {
        LoadEstimateKind.Extrapolated => PointKind.Extrapolated,
        LoadEstimateKind.Interpolated => PointKind.Interpolated,
        _ => PointKind.Measured,
    };
}
