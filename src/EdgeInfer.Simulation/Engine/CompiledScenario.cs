using EdgeInfer.Core.Quantities;
using EdgeInfer.Simulation.Scenarios;

namespace EdgeInfer.Simulation.Engine;

/// <summary>
/// A validated <see cref="CellScenario"/> flattened into arrays for the hot path: the catalog (replicas expanded, one
/// global index per variant), Zipf popularity, the classes' limits in SI doubles, powers and message sizes.
/// Immutable and shared by every run of the scenario.
/// </summary>
internal sealed class CompiledScenario
{
    public CompiledScenario(CellScenario scenario)
    {
        Scenario = scenario.Validated();
        CellX = [.. scenario.Cells.Select(c => c.XMeters)];
        CellY = [.. scenario.Cells.Select(c => c.YMeters)];

        var catalog = scenario.Catalog;
        var models = new List<(string Name, CellCatalogModel Model)>();
        for (var r = 0; r < catalog.Replicas; r++)
        {
            models.AddRange(catalog.Models.Select(m => (r == 0 ? m.Name : $"{m.Name}#{r + 1}", m)));
        }

        ModelNames = [.. models.Select(m => m.Name)];
        ModelFirst = new int[models.Count];
        ModelVariantCount = new int[models.Count];
        var variants = new List<(int Model, SimulatedVariant Variant)>();
        for (var m = 0; m < models.Count; m++)
        {
            ModelFirst[m] = variants.Count;
            ModelVariantCount[m] = models[m].Model.Variants.Count;
            variants.AddRange(models[m].Model.Variants.Select(v => (m, v)));
        }

        VariantModel = [.. variants.Select(v => v.Model)];
        VariantNames = [.. variants.Select(v => v.Variant.Name)];
        SizeBytes = [.. variants.Select(v => v.Variant.Size.Value)];
        SizeBits = [.. variants.Select(v => v.Variant.Size.Bits)];
        DeviceSeconds = [.. variants.Select(v => v.Variant.DeviceInference.Value)];
        EdgeSeconds = [.. variants.Select(v => v.Variant.EdgeInference.Value)];
        PruneSeconds = [.. variants.Select(v => v.Variant.Prune.Value)];
        Top1 = [.. variants.Select(v => v.Variant.Top1 ?? double.NaN)];

        // Zipf: rank k (1-based, list order) has weight 1/k^s.
        ModelCumulative = new double[models.Count];
        var total = 0.0;
        for (var m = 0; m < models.Count; m++)
        {
            total += Math.Pow(m + 1, -catalog.ZipfExponent);
            ModelCumulative[m] = total;
        }

        for (var m = 0; m < models.Count; m++)
        {
            ModelCumulative[m] /= total;
        }

        var classes = scenario.Applications;
        MinTop1 = [.. classes.Select(c => c.MinTop1 ?? double.NaN)];
        DeadlineSeconds = [.. classes.Select(c => c.Deadline?.Value ?? double.PositiveInfinity)];
        RequestsPerLifetime = [.. classes.Select(c => c.RequestsPerLifetime)];
        ArrivalRate = [.. classes.Select(c => ActiveRate(c, scenario.Devices.DeviceCount))];
        BatteryJoules = [.. classes.Select(c => c.Battery is { } b ? Conversions.ToJoules(b).Value : double.PositiveInfinity)];

        var messages = scenario.Messages;
        (InputBits, ResultBits, RequestBits) = (messages.Input.Bits, messages.Result.Bits, messages.Request.Bits);
        (InputBytes, ResultBytes, RequestBytes) = (messages.Input.Value, messages.Result.Value, messages.Request.Value);
        var power = scenario.DevicePower;
        TxWatts = power.TxPower.Value;
        ReceiveWatts = power.RxPower.Value + power.BasebandPower.Value;
        ComputeWatts = power.ComputePower.Value;
        EdgeWatts = scenario.Edge.ComputePower.Value;
        ProportionalFair = scenario.Sharing == RadioSharing.ProportionalFair;
        RequestOverheadSeconds = scenario.Overheads.Request.Value;
        DownloadOverheadSeconds = scenario.Overheads.Download.Value;
        Slowdown = new SlowdownTable(scenario.Edge.Cores, scenario.Edge.Slowdown);
        PopularVariants = [.. Enumerable.Range(0, variants.Count).Where(v => PruneSeconds[v] > 0)];
    }

    public CellScenario Scenario { get; }

    public double[] CellX { get; }

    public double[] CellY { get; }

    public string[] ModelNames { get; }

    public int[] ModelFirst { get; }

    public int[] ModelVariantCount { get; }

    /// <summary>Zipf cumulative probabilities by model rank.</summary>
    public double[] ModelCumulative { get; }

    public int[] VariantModel { get; }

    public string[] VariantNames { get; }

    public long[] SizeBytes { get; }

    public double[] SizeBits { get; }

    public double[] DeviceSeconds { get; }

    public double[] EdgeSeconds { get; }

    public double[] PruneSeconds { get; }

    /// <summary>NaN when unknown.</summary>
    public double[] Top1 { get; }

    /// <summary>NaN: no minimum.</summary>
    public double[] MinTop1 { get; }

    public double[] DeadlineSeconds { get; }

    /// <summary>Per class: a device's request rate while active (Poisson rate, on/off burst rate, trace mean), per second.</summary>
    public double[] ArrivalRate { get; }

    public long[] RequestsPerLifetime { get; }

    public double[] BatteryJoules { get; }

    public double InputBits { get; }

    public double ResultBits { get; }

    public double RequestBits { get; }

    public long InputBytes { get; }

    public long ResultBytes { get; }

    public long RequestBytes { get; }

    public double TxWatts { get; }

    /// <summary>P_rx + P_E.</summary>
    public double ReceiveWatts { get; }

    public double ComputeWatts { get; }

    public double EdgeWatts { get; }

    /// <summary>True for proportional-fair links (a transfer's work is its time alone), false for equal rate (its bits).</summary>
    public bool ProportionalFair { get; }

    /// <summary>Pure delay added to every offloaded request (measured protocol overhead).</summary>
    public double RequestOverheadSeconds { get; }

    /// <summary>Pure delay added to every model download.</summary>
    public double DownloadOverheadSeconds { get; }

    public SlowdownTable Slowdown { get; }

    /// <summary>Pruned variants in popularity order (model rank, then catalog order): the static top-k candidates.</summary>
    public int[] PopularVariants { get; }

    public int VariantCount => SizeBytes.Length;

    public int ModelCount => ModelFirst.Length;

    private static double ActiveRate(ApplicationClass appClass, int devices)
    {
        var arrivals = appClass.Arrivals;
        if (arrivals.Kind != ArrivalKind.Trace)
        {
            return arrivals.RatePerSecond;
        }

        var trace = arrivals.Trace;
        var span = trace.Count < 2 ? 0 : trace.Max(a => a.Seconds) - trace.Min(a => a.Seconds);
        var classDevices = Math.Max(1, trace.Select(a => a.Device).Distinct().Count());
        return span > 0 ? trace.Count / span / classDevices : 0;
    }

    /// <summary>The model of Zipf rank drawn by <paramref name="u"/> in (0, 1].</summary>
    public int ModelFor(double u)
    {
        var i = Array.BinarySearch(ModelCumulative, u);
        return Math.Min(i < 0 ? ~i : i, ModelCount - 1);
    }

    /// <summary>True when <paramref name="variant"/> meets class <paramref name="appClass"/>'s minTop1 (NaN accuracy never does).</summary>
    public bool MeetsAccuracy(int appClass, int variant) => double.IsNaN(MinTop1[appClass]) || Top1[variant] >= MinTop1[appClass];
}
