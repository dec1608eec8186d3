using System.CommandLine;
using EdgeInfer.Accuracy.Datasets;
using EdgeInfer.Accuracy.Evaluation;
using EdgeInfer.Accuracy.Tradeoff;
using EdgeInfer.Cli.Commands.Dataset;
using EdgeInfer.Cli.Commands.Models;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Compression.Building;
using EdgeInfer.Models.Repository;
using EdgeInfer.Pruning.Pipeline;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Cli.Commands.Accuracy;

/// <summary>
/// <c>edgeinfer tradeoff --model NAME|PATH [--variants full,channel-0.30,...] [--dataset default|DIR]... [--samples 30]
/// [--warmup 5] [--limit N] [--batch-size 32] [--threads N] [--calibration PATH|default] [--calibration-images 512]
/// [--channel-multiple 16] [--repository DIR] [--record] [-o DIR] [--json]</c>: builds each variant (any kind) of a trained classifier, measures its
/// MACs, its ORT latency against the full model in the same run, its Top-1/Top-5 on each dataset and its build time; prints
/// the table and writes it with the Pareto chart.
/// </summary>
internal sealed class TradeoffCommand
{
    private static readonly double[] DefaultFactors = [0.3, 0.5, 0.7];

    private readonly Option<string> model = new("--model")
    {
        Description = "Trained classifier: a model name in the repository, or an ONNX file path.",
        Required = true,
    };

    private readonly Option<string?> variants = new("--variants")
    {
        Description = "Comma-separated variant names (full, channel-0.30, channel-ls-macs0.50, int8, channel-ls+int8-0.50, ...). "
            + $"Default: full and every method ({string.Join(", ", PruningMethods.Names)}) at pf {string.Join(", ", DefaultFactors)}.",
    };

    private readonly Option<string[]> datasets = new("--dataset")
    {
        Description = "Dataset for Top-1/Top-5, repeatable: 'default' (embedded 1,000-image Fashion-MNIST test subset), a folder with "
            + "t10k IDX files (e.g. /usr/share/datasets/fashion-mnist, 10,000 images) or an image folder. The first one is the chart's.",
        DefaultValueFactory = _ => ["default"],
    };

    private readonly Option<int> samples = new("--samples")
    {
        Description = "Timed runs of each variant, alternating with as many of the full model (batch 1).",
        DefaultValueFactory = _ => 30,
    };

    private readonly Option<int> warmup = new("--warmup") { Description = "Untimed runs when each session opens.", DefaultValueFactory = _ => 5 };
    private readonly Option<int> latencyThreads = new("--latency-threads")
    {
        Description = "ORT intra-op threads of the timed sessions (the device's setting).",
        DefaultValueFactory = _ => 1,
    };

    private readonly Option<int?> limit = new("--limit") { Description = "Evaluate only the first N images of each dataset." };
    private readonly Option<int> batch = new("--batch-size") { Description = "Images per ORT batch of the evaluation.", DefaultValueFactory = _ => 32 };
    private readonly Option<int?> threads = new("--threads") { Description = "ORT intra-op threads of the evaluation (default: all cores)." };
    private readonly Option<string?> output = new("--output", "-o")
    {
        Description = "Folder for tradeoff.csv/.md and the Pareto chart pareto.png/.svg/.csv (speedup versus Top-1).",
    };

    private readonly Option<string?> repository = ModelsCommand.RepositoryOption();
    private readonly Option<bool> record = new("--record")
    {
        Description = "Record each variant's Top-1/Top-5 on the first dataset in the repository model's accuracy.json (the edge catalog "
            + "then gives them); needs --model NAME of a repository model.",
    };

    private readonly Option<int> channelMultiple = CommonOptions.ChannelMultiple();
    private readonly Option<bool> json = CommonOptions.Json();
    private readonly CalibrationFlags calibration = new();

    public static Command Create() => new TradeoffCommand().Build();

    private Command Build()
    {
        var command = new Command(
            "tradeoff",
            "Speed against accuracy of a trained classifier's variants: MACs, ORT latency versus the full model in the same run, "
                + "Top-1/Top-5, build time; a table and a Pareto chart.");
        Option[] all = [model, variants, datasets, samples, warmup, latencyThreads, limit, batch, threads, output, repository, record, channelMultiple, json];
        foreach (var option in all)
        {
            command.Options.Add(option);
        }

        calibration.AddTo(command);
        command.SetAction((parse, ct) => Task.FromResult(Run(parse, ct)));
        return command;
    }

    private int Run(ParseResult parse, CancellationToken ct)
    {
        using var progress = new LineProgress(parse.InvocationConfiguration.Error, "tradeoff");
        var modelName = parse.GetValue(model)!;
        var repo = parse.GetValue(record) ? ModelRepository.Open(parse.GetValue(repository)) : null;
        if (repo is not null && (!ModelNames.IsValid(modelName) || repo.TryGet(modelName) is null))
        {
            throw new UsageException($"--record needs --model NAME of a model in repository '{repo.Root}'; '{modelName}' is not one.");
        }

        var classifier = FlagProblems.Naming(
            () => EvaluationModel.Load(modelName, parse.GetValue(repository)),
            ("a trained classifier (resnet18-fmnist)", "'edgeinfer classifier train' then '--model resnet18-fmnist'"));
        var name = File.Exists(modelName) ? Path.GetFileNameWithoutExtension(modelName) : modelName;
        var asked = Variants(name, parse.GetValue(variants));
        var prepared = Prepare(parse, classifier, progress);
        var build = FlagProblems.Naming(
            () => new VariantBuildOptions { Calibration = calibration.Provider(parse), ChannelMultiple = parse.GetValue(channelMultiple) }.Validated(),
            ("channel multiple", "--channel-multiple"));
        var options = new TradeoffOptions
        {
            Model = name,
            FullModel = classifier.Bytes,
            Variants = asked,
            Datasets = prepared,
            Samples = parse.GetValue(samples),
            WarmupRuns = parse.GetValue(warmup),
            IntraOpThreads = parse.GetValue(latencyThreads),
            EvaluationThreads = parse.GetValue(threads),
            Build = VariantFactories.Builder(build),
        };
        FlagProblems.ThrowIfAny(
            options.Problems(),
            ("samples", "--samples"),
            ("warmupRuns", "--warmup"),
            ("intraOpThreads", "--latency-threads"),
            ("evaluationThreads", "--threads"));
        progress.Report($"measuring {asked.Count(v => !v.IsFull)} variant(s) of {name} against the full model ...");
        var result = TradeoffMeasurer.Measure(options, progress, ct);
        var files = parse.GetValue(output) is { } dir ? TradeoffReport.Write(result, dir) : [];
        var recorded = repo is null ? null : Record(repo, modelName, result);
        new TradeoffView(result, files, recorded).Write(parse.InvocationConfiguration.Output, parse.GetValue(json));
        return CliApp.Success;
    }

    /// <summary>The asked variants (or the default grid), each parsed by <see cref="ModelVariant.TryParseName"/>; the full model first.</summary>
    private static List<ModelVariant> Variants(string name, string? text)
    {
        var variants = new List<ModelVariant> { ModelVariant.Full(name) };
        if (text is null)
        {
            variants.AddRange(PruningMethods.Names.SelectMany(method => DefaultFactors.Select(pf =>
                ModelVariant.Pruned(name, PruningMethods.Parse(method), PruningFactor.Of(pf)))));
            return variants;
        }

        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!ModelVariant.TryParseName(name, item, out var variant))
            {
                throw new UsageException(
                    $"--variants '{item}' is not a variant name: full, int8, or <kind>-<pf> or <kind>-macs<kept> with kind one of "
                    + $"{string.Join(", ", ModelVariant.KindNames)} and two decimals (channel-0.30, channel-ls-macs0.50).");
            }

            if (variants.All(v => v.Name != variant.Name))
            {
                variants.Add(variant);
            }
        }

        return variants;
    }

    /// <summary>Every <c>--dataset</c>, decoded and preprocessed once with the model's preprocessing.</summary>
    private List<PreparedDataset> Prepare(ParseResult parse, EvaluationModel classifier, LineProgress progress)
    {
        var batchSize = parse.GetValue(batch);
        if (batchSize < 1)
        {
            throw new UsageException($"--batch-size {batchSize} must be at least 1.");
        }

        var prepared = new List<PreparedDataset>();
        foreach (var value in parse.GetValue(datasets)!)
        {
            var source = DatasetResolver.Open(value);
            progress.Report($"preparing {Math.Min(source.Count, parse.GetValue(limit) ?? int.MaxValue)} images of {source.Description}");
            var images = parse.GetValue(limit);
            prepared.Add(FlagProblems.Naming(
                () => PreparedDataset.Prepare(source, classifier.Preprocessing, batchSize, images, strict: false, progress), ("limit", "--limit")));
        }

        return prepared;
    }

    /// <summary>Records each variant's accuracy on the first dataset under its name.</summary>
    private static string? Record(ModelRepository repo, string modelName, TradeoffResult result)
    {
        var records = result.Rows.Where(r => r.Accuracy.Count > 0)
            .Select(r => RecordedAccuracy.Of(r.Variant, r.Accuracy[0].Top1, r.Accuracy[0].Top5, r.Accuracy[0].Dataset, r.Accuracy[0].Images))
            .ToList();
        RecordedAccuracy.Record(repo.ModelDirectory(modelName), records);
        return Path.Combine(repo.ModelDirectory(modelName), ModelAccuracy.FileName);
    }
}
