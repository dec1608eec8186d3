using System.Globalization;
using EdgeInfer.Accuracy.Datasets;
using EdgeInfer.Accuracy.Evaluation;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Reporting;

namespace EdgeInfer.Cli.Commands.Accuracy;

/// <summary>The output of <c>edgeinfer evaluate</c>: one JSON object, or a table of Top-1/Top-5 per pf.</summary>
internal sealed record EvaluateView(
    string Model,
    PreparedDataset Data,
    string Method,
    string Preprocessing,
    IReadOnlyList<AccuracyPoint> Points,
    double TotalSeconds,
    ChartFiles? Files,
    string? Recorded)
{
    public void Write(TextWriter o, bool json)
    {
        if (json)
        {
            CliJson.Write(o, new
            {
                model = Model,
                dataset = Data.Description,
                images = Data.ImageCount,
                skippedImages = Data.Problems.Count,
                skipped = Data.Problems.Take(20).ToArray(),
                method = Method,
                preprocessing = Preprocessing,
                points = Points.Select(p => new
                {
                    pruningFactor = p.PruningFactor,
                    method = p.Method,
                    images = p.Images,
                    top1 = p.Top1,
                    top5 = p.Top5,
                    pruneSeconds = p.PruneSeconds,
                    inferenceSeconds = p.InferenceSeconds,
                    imagesPerSecond = p.ImagesPerSecond,
                }).ToArray(),
                totalSeconds = TotalSeconds,
                files = Files,
                recorded = Recorded,
            });
            return;
        }

        o.WriteLine($"{Model} on {Data.Description}: {Data.ImageCount} images ({Data.Problems.Count} skipped), method {Method}");
        o.WriteLine("    pf   top-1   top-5  images/s  prune s");
        foreach (var p in Points)
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {p.PruningFactor,4:0.00}  {p.Top1 * 100,5:0.0} %  {p.Top5 * 100,5:0.0} %  {p.ImagesPerSecond,8:0.0}  {p.PruneSeconds,7:0.00}"));
        }

        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total {TotalSeconds:0.0} s")
            + (Files is null ? string.Empty : $"; wrote {Files.Csv}, {Files.Png}, {Files.Svg}")
            + (Recorded is null ? string.Empty : $"; recorded in {Recorded}"));
    }
}
