using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using EdgeInfer.Models.Catalog;
using EdgeInfer.Pruning.Analysis;
using EdgeInfer.Pruning.Structured;

namespace EdgeInfer.Benchmarks;

/// <summary>
/// "MACs ratio" column: MACs of the full model over MACs of the benchmarked variant (1 for the baseline), computed in
/// the host process from the same seeded model, so it sits next to BenchmarkDotNet's measured time ratio.
/// </summary>
public sealed class PruningMacsRatioColumn : IColumn
{
    private static readonly ConcurrentDictionary<(string Model, double Pf, int Multiple), double> Ratios = new();

    public string Id => nameof(PruningMacsRatioColumn);

    public string ColumnName => "MACs ratio";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "MACs of the full model / MACs of this variant (channel pruning removes MACs; the time ratio shows what ORT makes of it)";

    public static double Ratio(string model, double pf, int multiple) => Ratios.GetOrAdd((model, pf, multiple), key =>
    {
        var proto = ModelCatalog.Find(key.Model).Build(ModelCatalog.DefaultSeed);
        var before = ModelStatistics.Of(proto).Macs ?? 0;
        ChannelPruner.PruneInPlace(proto, key.Pf, key.Multiple);
        var after = ModelStatistics.Of(proto).Macs ?? 0;
        return after == 0 ? double.NaN : (double)before / after;
    });

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (benchmarkCase.Descriptor.Baseline)
        {
            return "1.00";
        }

        var model = (string)benchmarkCase.Parameters["Model"];
        var pf = (double)benchmarkCase.Parameters["PruningFactor"];
        var multiple = benchmarkCase.Descriptor.WorkloadMethod.Name.EndsWith("Aligned8", StringComparison.Ordinal) ? 8 : 1;
        return Ratio(model, pf, multiple).ToString("0.00", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <summary>Adds the column to a benchmark class.</summary>
    public sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new PruningMacsRatioColumn());
    }
}
