using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using EdgeInfer.Accuracy.Datasets;
using EdgeInfer.Accuracy.Evaluation;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Imaging;
using EdgeInfer.Models.Repository;

namespace EdgeInfer.Cli.Commands;

/// <summary>
/// <c>edgeinfer evaluate --model NAME|PATH [--dataset PATH|default] [--pf 0,0.1,...,0.9] [--method global|layer|channel]
/// [--limit N] [--json] [-o DIR]</c>: Top-1/Top-5 of a trained classifier per pruning factor (pruned on the fly, no fine-tuning).
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Model name in the repository (NAME or NAME/VARIANT) or an ONNX file path.", Required = true };
        var dataset = new Option<string>("--dataset") { Description = "'default' (embedded 1,000-image Fashion-MNIST test subset), a folder with t10k IDX files, or an image folder (one sub-folder per class).", DefaultValueFactory = _ => "default" };
        var pf = new Option<string>("--pf") { Description = "Pruning factors, comma-separated, each in [0, 0.99].", DefaultValueFactory = _ => "0,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9" };
        var method = new Option<string>("--method") { Description = "Pruning method: global, layer or channel.", DefaultValueFactory = _ => "global" };
        var limit = new Option<int?>("--limit") { Description = "Evaluate only the first N images." };
        var batch = new Option<int>("--batch-size") { Description = "Images per ORT batch.", DefaultValueFactory = _ => 32 };
        var threads = new Option<int?>("--threads") { Description = "ORT intra-op threads (default: all cores)." };
        var strict = new Option<bool>("--strict") { Description = "Fail on the first unreadable image instead of skipping and counting it." };
        var preprocess = new Option<string?>("--preprocess") { Description = "Override the model's preprocessing: 'resize=256;crop=224;mean=0.485,0.456,0.406;std=0.229,0.224,0.225;order=rgb' (any subset of keys)." };
        var output = new Option<string?>("--output", "-o") { Description = "Folder for accuracy-<method>.csv/.png/.svg (Top-1 dashed, Top-5 solid versus pf)." };
        var repository = ModelsCommand.RepositoryOption();
        var record = new Option<bool>("--record") { Description = "Record the points in the repository model's accuracy.json (the edge server's catalog then gives them); needs --model NAME of a repository model." };
        var json = CommonOptions.Json();
        var command = new Command("evaluate", "Top-1/Top-5 accuracy of a trained classifier versus pruning factor (the paper's Fig. 2(a)).");
        foreach (var o in new Option[] { model, dataset, pf, method, limit, batch, threads, strict, preprocess, output, repository, record, json })
        {
            command.Options.Add(o);
        }

        command.SetAction((parse, ct) =>
        {
            var clock = Stopwatch.StartNew();
            var progress = new LineProgress(parse.InvocationConfiguration.Error);
            var factors = ParseFactors(parse.GetValue(pf)!);
            var methodName = parse.GetValue(method)!.Trim().ToLowerInvariant();
            var pruningMethod = VariantPruner.ParseMethod(methodName);
            var batchSize = parse.GetValue(batch);
            if (batchSize < 1)
            {
                throw new UsageException($"--batch-size {batchSize} must be at least 1.");
            }

            var modelName = parse.GetValue(model)!;
            var repo = parse.GetValue(record) ? ModelRepository.Open(parse.GetValue(repository)) : null;
            if (repo is not null && (!ModelNames.IsValid(modelName) || repo.TryGet(modelName) is null))
            {
                throw new UsageException($"--record needs --model NAME of a model in repository '{repo.Root}'; '{modelName}' is not one.");
            }

            var classifier = EvaluationModel.Load(modelName, parse.GetValue(repository));
            var preprocessing = parse.GetValue(preprocess) is { } spec ? PreprocessOptions.ParseSpec(classifier.Preprocessing.ToSpec() + ";" + spec) : classifier.Preprocessing;
            var source = DatasetResolver.Open(parse.GetValue(dataset)!);
            progress.Report($"preparing {Math.Min(source.Count, parse.GetValue(limit) ?? int.MaxValue)} images of {source.Description} ({preprocessing.ToSpec()})");
            var data = PreparedDataset.Prepare(source, preprocessing, batchSize, parse.GetValue(limit), parse.GetValue(strict), progress);
            if (data.Problems.Count > 0)
            {
                progress.Report($"skipped {data.Problems.Count} unreadable image(s); first: {data.Problems[0]}");
            }

            var points = Evaluator.Evaluate(classifier.Bytes, data, factors, methodName, (bytes, f) => VariantPruner.Prune(bytes, f, pruningMethod), progress, parse.GetValue(threads), ct);
            var files = parse.GetValue(output) is { } dir ? EvaluateChart.Write(points, classifier.Description, data.Description, methodName, dir) : null;
            var recorded = repo is null ? null : ModelAccuracy.Record(repo.ModelDirectory(modelName), $"{data.Description} ({data.ImageCount} images)",
                points.Select(p => new AccuracyRecord(p.Method, p.PruningFactor, p.Top1, p.Top5, p.Images)));
            var result = new
            {
                model = classifier.Description,
                dataset = data.Description,
                images = data.ImageCount,
                skippedImages = data.Problems.Count,
                skipped = data.Problems.Take(20).ToArray(),
                method = methodName,
                preprocessing = preprocessing.ToSpec(),
                points = points.Select(p => new { pruningFactor = p.PruningFactor, method = p.Method, images = p.Images, top1 = p.Top1, top5 = p.Top5, pruneSeconds = p.PruneSeconds, inferenceSeconds = p.InferenceSeconds, imagesPerSecond = p.ImagesPerSecond }).ToArray(),
                totalSeconds = clock.Elapsed.TotalSeconds,
                files,
                recorded = recorded is null ? null : Path.Combine(repo!.ModelDirectory(modelName), ModelAccuracy.FileName),
            };
            var o = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                CliJson.Write(o, result);
            }
            else
            {
                o.WriteLine($"{result.model} on {result.dataset}: {result.images} images ({result.skippedImages} skipped), method {methodName}");
                o.WriteLine("    pf   top-1   top-5  images/s  prune s");
                foreach (var p in points)
                {
                    o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {p.PruningFactor,4:0.00}  {p.Top1 * 100,5:0.0} %  {p.Top5 * 100,5:0.0} %  {p.ImagesPerSecond,8:0.0}  {p.PruneSeconds,7:0.00}"));
                }

                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total {result.totalSeconds:0.0} s") + (files is null ? string.Empty : $"; wrote {files.Csv}, {files.Png}, {files.Svg}")
                    + (result.recorded is null ? string.Empty : $"; recorded in {result.recorded}"));
            }

            return Task.FromResult(0);
        });
        return command;
    }

    private static double[] ParseFactors(string value)
    {
        var parts = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var factors = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out factors[i]) || !(factors[i] >= 0 && factors[i] <= 0.99))
            {
                throw new UsageException($"--pf value '{parts[i]}' is not a number in [0, 0.99].");
            }
        }

        return parts.Length > 0 ? factors : throw new UsageException("--pf needs at least one pruning factor.");
    }
}
