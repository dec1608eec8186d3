using System.CommandLine;
using EdgeInfer.Cli.Commands.Models;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Models.Catalog;
using EdgeInfer.Models.Repository;
using EdgeInfer.Pruning.Pipeline;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Pruning.Wire;

namespace EdgeInfer.Cli.Commands.Pruning;

/// <summary>
/// <c>edgeinfer prune --model NAME|PATH --pf 0.7 --method global|layer|channel -o OUT.onnx [--wire OUT.eiw] [--sparse-onnx OUT.onnx] [--sizes] [--json]</c>.
/// A repository model (NAME) also gets the pruned variant named by <see cref="ModelVariant.Name"/> (e.g. <c>global-0.70</c>) with its metadata.
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

    private readonly Option<PruningFactor> pf = PruningFlags.Factor("Fraction of weights zeroed (global, layer) or of prunable channels removed (channel)");
    private readonly Option<PruningMethod> method = PruningFlags.Method();
    private readonly Option<string?> output = new("--output", "-o") { Description = "Pruned dense ONNX file to write (optional for repository models)." };
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
    private readonly Option<int> channelMultiple = new("--channel-multiple")
    {
        Description = "Channel: round kept channels up to this multiple (1 = exact pf; 8 lets ORT use its blocked SIMD kernels).",
        DefaultValueFactory = _ => 1,
    };

    private readonly Option<long> minElements = new("--min-elements")
    {
        Description = "Global/layer: tensors with fewer elements stay dense.",
        DefaultValueFactory = _ => 0,
    };

    public static Command Create() => new PruneCommand().Build();

    private Command Build()
    {
        var command = new Command(
            "prune",
            "Prune a model (exact magnitude pruning or structured channel pruning) and report sparsity, parameters, MACs, timings and sizes.");
        Option[] all =
        [
            model, pf, method, output, wire, sparse, sizes, compression, keepFirst, keepClassifier, minElements, channelMultiple, json, repository,
        ];
        foreach (var option in all)
        {
            command.Options.Add(option);
        }

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

        // pf 0 is the full model, which the repository has already: nothing to add, only a file to write.
        var variant = entry is null ? null : ModelVariant.Pruned(entry.Name, parse.GetValue(method), parse.GetValue(pf));
        if (outputPath is null && variant is { IsFull: true })
        {
            throw new UsageException(
                $"--pf 0 is the full model, already in the repository as {variant}; give a pruning factor above 0, or --output for a copy.");
        }

        var target = outputPath ?? Path.Combine(repo!.Root, $".prune-{Guid.NewGuid():N}.onnx");
        var options = Options(parse);
        ModelsCommand.Progress(parse, $"pruning {input} ({options.Method.Name()}, pf {parse.GetValue(pf)})...");
        PruneFileReport report;
        try
        {
            report = ModelPruning.PruneFile(input, target, options);
            if (variant is { IsFull: false })
            {
                ModelsCommand.Progress(parse, $"adding {variant} to {repo!.Root}...");
                PrunedVariants.AddToRepository(repo, entry!, target, variant);
            }
        }
        finally
        {
            if (outputPath is null)
            {
                File.Delete(target);
            }
        }

        PruneView.Write(parse, json, new PruneView(input, outputPath, variant is { IsFull: false } ? variant.Name : null, report));
        return CliApp.Success;
    }

    private PruneFileOptions Options(ParseResult parse) => new(
        parse.GetValue(pf).Value,
        parse.GetValue(method),
        parse.GetValue(keepFirst),
        parse.GetValue(keepClassifier),
        parse.GetValue(minElements),
        parse.GetValue(wire),
        parse.GetValue(sparse),
        parse.GetValue(sizes),
        new WireOptions(parse.GetValue(compression)),
        parse.GetValue(channelMultiple));

    private static (string Input, ModelEntry? Entry, ModelRepository? Repository) Resolve(string model, string? repositoryPath)
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
}
