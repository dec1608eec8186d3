using System.CommandLine;
using System.Diagnostics;
using EdgeInfer.Accuracy.Classifier;
using EdgeInfer.Accuracy.Datasets;
using EdgeInfer.Accuracy.Evaluation;
using EdgeInfer.Cli.Commands.Dataset;
using EdgeInfer.Cli.Commands.Models;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Compression.Building;
using EdgeInfer.Imaging;
using EdgeInfer.Models.Repository;
using EdgeInfer.Pruning.Pipeline;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Cli.Commands.Accuracy;

/// <summary>
/// <c>edgeinfer evaluate --model NAME|PATH [--dataset PATH|default] [--pf 0,0.1,...,0.9] [--method global|layer|channel]
/// [--limit N] [--json] [-o DIR]</c>: Top-1/Top-5 of a trained classifier per pruning factor (pruned on the fly, no fine-tuning).
/// </summary>
internal sealed class EvaluateCommand
{
    private readonly Option<string> model = new("--model")
    {
        Description = "Model name in the repository (NAME or NAME/VARIANT) or an ONNX file path.",
        Required = true,
    };
    private readonly Option<string> dataset = new("--dataset")
    {
        Description = "'default' (embedded 1,000-image Fashion-MNIST test subset), a folder with t10k IDX files, "
            + "or an image folder (one sub-folder per class).",
        DefaultValueFactory = _ => "default",
    };

    private readonly Option<IReadOnlyList<PruningFactor>> pf = PruningFlags.Factors("Evaluate at", 0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9);
    private readonly Option<PruningMethod> method = PruningFlags.Method();
    private readonly CalibrationFlags calibration = new();
    private readonly Option<int?> limit = new("--limit") { Description = "Evaluate only the first N images." };
    private readonly Option<int> batch = new("--batch-size") { Description = "Images per ORT batch.", DefaultValueFactory = _ => 32 };
    private readonly Option<int?> threads = new("--threads") { Description = "ORT intra-op threads (default: all cores)." };
    private readonly Option<bool> strict = new("--strict") { Description = "Fail on the first unreadable image instead of skipping and counting it." };
    private readonly Option<string?> preprocess = new("--preprocess")
    {
        Description = "Override the model's preprocessing: 'resize=256;crop=224;mean=0.485,0.456,0.406;std=0.229,0.224,0.225;order=rgb' (any subset of keys).",
    };

    private readonly Option<string?> output = new("--output", "-o")
    {
        Description = "Folder for accuracy-<method>.csv/.png/.svg (Top-1 dashed, Top-5 solid versus pf).",
    };
    private readonly Option<string?> repository = ModelsCommand.RepositoryOption();
    private readonly Option<bool> record = new("--record")
    {
        Description = "Record the points in the repository model's accuracy.json (the edge server's catalog then gives them); "
            + "needs --model NAME of a repository model.",
    };

    private readonly Option<bool> json = CommonOptions.Json();

    public static Command Create() => new EvaluateCommand().Build();

    private Command Build()
    {
        var command = new Command("evaluate", "Top-1/Top-5 accuracy of a trained classifier versus pruning factor (the paper's Fig. 2(a)).");
        foreach (var o in new Option[] { model, dataset, pf, method, limit, batch, threads, strict, preprocess, output, repository, record, json })
        {
            command.Options.Add(o);
        }

        calibration.AddTo(command);
        command.SetAction((parse, ct) => Task.FromResult(Run(parse, ct)));
        return command;
    }

    private int Run(ParseResult parse, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        using var progress = new LineProgress(parse.InvocationConfiguration.Error, "evaluate");
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

        if (modelName == DefaultClassifier.Name)
        {
            // Like reproduce: the default classifier is built into the repository on first use.
            DefaultClassifier.EnsureIn(ModelRepository.Open(parse.GetValue(repository)), progress.Report);
        }

        var classifier = FlagProblems.Naming(
            () => EvaluationModel.Load(modelName, parse.GetValue(repository)),
            ("a trained classifier (resnet18-fmnist)", "'edgeinfer classifier train' then '--model resnet18-fmnist'"));
        var preprocessing = Preprocessing(parse.GetValue(preprocess), classifier.Preprocessing);
        var source = DatasetResolver.Open(parse.GetValue(dataset)!);
        progress.Report($"preparing {Math.Min(source.Count, parse.GetValue(limit) ?? int.MaxValue)} images of {source.Description} ({preprocessing.ToSpec()})");
        var data = FlagProblems.Naming(
            () => PreparedDataset.Prepare(source, preprocessing, batchSize, parse.GetValue(limit), parse.GetValue(strict), progress), ("the limit", "--limit"),
            ("limit", "--limit"));
        if (data.Problems.Count > 0)
        {
            progress.Report($"skipped {data.Problems.Count} unreadable image(s); first: {data.Problems[0]}");
        }

        var pruning = parse.GetValue(method);
        var build = new VariantBuildOptions { Calibration = calibration.Provider(parse) };
        var points = Evaluator.Evaluate(classifier.Bytes, data, parse.GetValue(pf)!, pruning, build, progress, parse.GetValue(threads), ct);
        progress.Dispose();
        var files = parse.GetValue(output) is { } dir ? EvaluateChart.Write(points, classifier.Description, pruning, dir) : null;
        var recorded = repo is null ? null : Record(repo, modelName, pruning, data, points);
        var result = new EvaluateView(
            classifier.Description, data, pruning.Name(), preprocessing.ToSpec(), points, clock.Elapsed.TotalSeconds, files, recorded);
        result.Write(parse.InvocationConfiguration.Output, parse.GetValue(json));
        return CliApp.Success;
    }

    /// <summary>The model's preprocessing, with the keys of <c>--preprocess</c> replaced.</summary>
    private static PreprocessOptions Preprocessing(string? overrides, PreprocessOptions model)
    {
        if (overrides is null)
        {
            return model;
        }

        try
        {
            return PreprocessOptions.ParseSpec(model.ToSpec() + ";" + overrides);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException)
        {
            // Imaging reports a bad spec in its own (BCL) exceptions; here it is the user's flag.
            throw new UsageException($"--preprocess '{overrides}': {ex.Message}");
        }
    }

    /// <summary>Records each point under its variant's name (pf 0: the full model), with the dataset and image count.</summary>
    private static string Record(ModelRepository repo, string modelName, PruningMethod method, PreparedDataset data, IReadOnlyList<AccuracyPoint> points)
    {
        var records = points.Select(p =>
            RecordedAccuracy.Of(ModelVariant.Pruned(modelName, method, PruningFactor.Of(p.PruningFactor)), p.Top1, p.Top5, data.Description, p.Images));
        RecordedAccuracy.Record(repo.ModelDirectory(modelName), records);
        return Path.Combine(repo.ModelDirectory(modelName), ModelAccuracy.FileName);
    }
}
