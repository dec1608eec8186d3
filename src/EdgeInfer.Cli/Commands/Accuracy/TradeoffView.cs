using System.Globalization;
using EdgeInfer.Accuracy.Tradeoff;
using EdgeInfer.Cli.Infrastructure;

namespace EdgeInfer.Cli.Commands.Accuracy;

/// <summary>The output of <c>edgeinfer tradeoff</c>: one JSON object, or the Markdown table and the files written.</summary>
internal sealed record TradeoffView(TradeoffResult Result, IReadOnlyList<string> Files, string? Recorded)
{
    public void Write(TextWriter o, bool json)
    {
        var front = TradeoffReport.ParetoFront(Result);
        if (json)
        {
            CliJson.Write(o, new
            {
                model = Result.Model,
                samples = Result.Samples,
                intraOpThreads = Result.IntraOpThreads,
                wallSeconds = Result.WallSeconds,
                rows = Result.Rows.Select((r, i) => new
                {
                    variant = r.Variant.Name,
                    series = TradeoffReport.SeriesOf(r.Variant),
                    macs = r.Macs,
                    macsRatio = r.MacsRatio,
                    onnxBytes = r.OnnxBytes,
                    buildSeconds = r.BuildSeconds,
                    latency = r.Latency,
                    fullLatency = r.FullLatency,
                    speedup = r.Speedup,
                    accuracy = r.Accuracy,
                    pareto = front[i],
                }).ToArray(),
                skipped = Result.Skipped,
                files = Files,
                recorded = Recorded,
            });
            return;
        }

        o.Write(TradeoffReport.Markdown(Result));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total {Result.WallSeconds:0.0} s")
            + (Files.Count == 0 ? string.Empty : "; wrote " + string.Join(", ", Files))
            + (Recorded is null ? string.Empty : $"; recorded in {Recorded}"));
    }
}
