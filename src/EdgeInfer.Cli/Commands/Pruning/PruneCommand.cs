using System.CommandLine;
using EdgeInfer.Cli.Commands.Models;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Compression.Building;
using EdgeInfer.Models.Catalog;
using EdgeInfer.Models.Repository;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Pruning.Wire;

namespace EdgeInfer.Cli.Commands.Pruning;

/// <summary>
/// <c>edgeinfer prune --model NAME|PATH --method KIND (--pf 0.7 | --target-macs 0.5) -o OUT.onnx [--wire OUT.eiw] [--sparse-onnx OUT.onnx]
/// [--sizes] [--calibration PATH|default] [--json]</c>: builds any variant with <see cref="VariantBuilder"/>. A repository model
/// (NAME) also gets the variant named by <see cref="ModelVariant.Name"/> (e.g. <c>global-0.70</c>, <c>channel-ls+int8-macs0.50</c>)
/// with its metadata.
/// </summary>
internal sealed class PruneCommand
{
    private readonly Option<bool> json = CommonOptions.Json();
    private readonly Option<string?> repository = ModelsCommand.RepositoryOption();
    private readonly Option<string> model = new("--model")
    {
        Description = "An ONNX file path, or a model name in the repository (its 'full' variant); catalog networks are built on first use.",
        Required = true,
    };

    private readonly Option<PruningFactor?> pf = PruningFlags.OptionalFactor(
        "Fraction of weights zeroed (global, layer) or of each channel group's channels removed (channel, channel-ls)");
    private readonly Option<MacsBudget?> targetMacs = PruningFlags.TargetMacs();
    private readonly Option<string> method = PruningFlags.Kind();
    private readonly CalibrationFlags calibration = new();
    private readonly Option<string?> output = new("--output", "-o") { Description = "Built dense ONNX file to write (optional for repository models)." };
    private readonly Option<string?> wire = new("--wire") { Description = "Also write the .eiw wire encoding here." };
    private readonly Option<string?> sparse = new("--sparse-onnx") { Description = "Also write ONNX with COO sparse_initializer here." };
    private readonly Option<bool> sizes = new("--sizes") { Description = "Measure wire, COO and gzip -6 sizes even where no file is written." };
    private readonly Option<WireCompression> compression = new("--compression")
    {
        Description = "Wire compression pass: brotli, deflate or none.",
        DefaultValueFactory = _ => WireCompression.Brotli,
    };

    private readonly Option<bool> keepFirst = new("--keep-first-conv") { Description = "Global/layer: leave the first Conv dense." };
    private readonly Option<bool> keepClassifier = new("--keep-classifier") { Description = "Global/layer: leave the classifier (last Gemm/MatMul) dense." };
    private readonly Option<int> channelMultiple = CommonOptions.ChannelMultiple();

    private readonly Option<long> minElements = new("--min-elements")
    {
        Description = "Global/layer: tensors with fewer elements stay dense.",
        DefaultValueFactory = _ => 0,
    };

    public static Command Create() => new PruneCommand().Build();

    /// <summary>The repository model or file <c>--model</c> names: its path, its entry and the repository (null for a file).</summary>
    internal static (string Input, ModelEntry? Entry, ModelRepository? Repository) Resolve(string model, string? repositoryPath)
    {
        if (File.Exists(model))
        {
            return (Path.GetFullPath(model), null, null);
        }

        if (ModelNames.IsValid(model))
        {
            // A repository model, or a catalog network that is built into the repository on first use.
            var repo = ModelRepository.Open(repositoryPath);
            var entry = repo.TryGet(model) ?? (ModelCatalog.TryFind(model, out _) ? repo.GetOrBuild(model) : repo.Get(model));
            return (entry.ModelPath, entry, repo);
        }

        throw new UsageException($"--model '{model}' is neither an existing file nor a repository model name.");
    }

    /// <summary>Builds <paramref name="variant"/> of <paramref name="input"/> to a file, and into the repository when there is one.</summary>
    internal static (VariantBuildReport Report, string? RepositoryVariant) Build(
        ParseResult parse, string input, ModelEntry? entry, ModelRepository? repo, ModelVariant variant, string? outputPath, VariantBuildOptions options)
    {
        var target = outputPath ?? Path.Combine(repo!.Root, $".prune-{Guid.NewGuid():N}.onnx");
        using var progress = new StderrProgress(parse, "  ");
        try
        {
            progress.Line($"building {variant.Name} of {input} ...");
            var report = FlagProblems.Naming(
                () => VariantBuilder.BuildFile(input, target, variant, options, progress),
                ("channel multiple", "--channel-multiple"), ("minimum tensor elements", "--min-elements"));
            if (entry is null || variant.IsFull)
            {
                return (report, null);
            }

            progress.Line($"adding {variant} to {repo!.Root}...");
            VariantBuilder.AddBuiltFile(repo, entry, target, variant);
            return (report, variant.Name);
        }
        finally
        {
            if (outputPath is null)
            {
                File.Delete(target);
            }
        }
    }

    private Command Build()
    {
        var command = new Command(
            "prune",
            "Prune (and/or quantize) a model — magnitude, channel, channel-ls at a pf or a MACs budget, int8 — and report sparsity, "
            + "parameters, MACs, timings and sizes.");
        Option[] all =
        [
            model, pf, targetMacs, method, output, wire, sparse, sizes, compression, keepFirst, keepClassifier, minElements, channelMultiple, json,
            repository,
        ];
        foreach (var option in all)
        {
            command.Options.Add(option);
        }

        calibration.AddTo(command);
        command.SetAction(Run);
        return command;
    }

    private int Run(ParseResult parse)
    {
        var modelArgument = parse.GetRequiredValue(model);
        var (input, entry, repo) = Resolve(modelArgument, parse.GetValue(repository));
        var outputPath = parse.GetValue(output);
        if (outputPath is null && entry is null)
        {
            throw new UsageException($"--output is required when --model is a file ('{modelArgument}'); only repository models may omit it.");
        }

        // A file's variant is named after nothing: only its kind and amount matter.
        var variant = PruningFlags.RequiredVariant(entry?.Name ?? "model", parse.GetValue(method)!, parse.GetValue(pf), parse.GetValue(targetMacs));

        // pf 0 is the full model, which the repository has already: nothing to add, only a file to write.
        if (outputPath is null && variant.IsFull)
        {
            throw new UsageException(
                $"--pf 0 is the full model, already in the repository as {variant}; give a pruning factor above 0, or --output for a copy.");
        }

        var (report, added) = Build(parse, input, entry, repo, variant, outputPath, Options(parse));
        PruneView.Write(parse, json, new PruneView(input, outputPath, added, report));
        return CliApp.Success;
    }

    private VariantBuildOptions Options(ParseResult parse) => new()
    {
        Calibration = calibration.Provider(parse),
        ChannelMultiple = parse.GetValue(channelMultiple),
        KeepFirstConvDense = parse.GetValue(keepFirst),
        KeepClassifierDense = parse.GetValue(keepClassifier),
        MinimumTensorElements = parse.GetValue(minElements),
        WirePath = parse.GetValue(wire),
        SparseOnnxPath = parse.GetValue(sparse),
        MeasureAllSizes = parse.GetValue(sizes),
        Wire = new WireOptions(parse.GetValue(compression)),
    };
}
