using System.CommandLine;
using System.Globalization;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Models.Catalog;
using EdgeInfer.Models.Repository;
using EdgeInfer.Pruning.Pipeline;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Pruning.Wire;

namespace EdgeInfer.Cli.Commands;

/// <summary>
/// <c>edgeinfer prune --model NAME|PATH --pf 0.7 --method global|layer|channel -o OUT.onnx [--wire OUT.eiw] [--sparse-onnx OUT.onnx] [--sizes] [--json]</c>.
/// A repository model (NAME) also gets the pruned variant <c>METHOD-PF</c> (e.g. <c>global-0.70</c>) with its metadata.
/// </summary>
internal static class PruneCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var repository = ModelsCommand.RepositoryOption();
        var model = new Option<string>("--model") { Description = "An ONNX file path, or a model name in the repository (its 'full' variant); catalog networks are built on first use.", Required = true };
        var pf = new Option<double>("--pf") { Description = "Pruning factor in [0, 0.99]: fraction of weights zeroed (global, layer) or of prunable channels removed (channel).", Required = true };
        var method = new Option<PruningMethod>("--method") { Description = "global (one threshold), layer (each tensor at pf) or channel (structured).", DefaultValueFactory = _ => PruningMethod.Global };
        var output = new Option<string?>("--output", "-o") { Description = "Pruned dense ONNX file to write (optional for repository models)." };
        var wire = new Option<string?>("--wire") { Description = "Also write the .eiw wire encoding here." };
        var sparse = new Option<string?>("--sparse-onnx") { Description = "Also write ONNX with COO sparse_initializer here." };
        var sizes = new Option<bool>("--sizes") { Description = "Measure wire, COO and gzip -6 sizes even where no file is written." };
        var compression = new Option<WireCompression>("--compression") { Description = "Wire compression pass: brotli, deflate or none.", DefaultValueFactory = _ => WireCompression.Brotli };
        var keepFirst = new Option<bool>("--keep-first-conv") { Description = "Global/layer: leave the first Conv dense." };
        var keepClassifier = new Option<bool>("--keep-classifier") { Description = "Global/layer: leave the classifier (last Gemm/MatMul) dense." };
        var channelMultiple = new Option<int>("--channel-multiple") { Description = "Channel: round kept channels up to this multiple (1 = exact pf; 8 lets ORT use its blocked SIMD kernels).", DefaultValueFactory = _ => 1 };
        var minElements = new Option<long>("--min-elements") { Description = "Global/layer: tensors with fewer elements stay dense.", DefaultValueFactory = _ => 0 };
        var command = new Command("prune", "Prune a model (exact magnitude pruning or structured channel pruning) and report sparsity, parameters, MACs, timings and sizes.");
        foreach (var option in new Option[] { model, pf, method, output, wire, sparse, sizes, compression, keepFirst, keepClassifier, minElements, channelMultiple, json, repository })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var modelArgument = parse.GetRequiredValue(model);
            var methodValue = parse.GetValue(method);
            var pfValue = parse.GetValue(pf);
            var (input, entry, repo) = Resolve(modelArgument, parse.GetValue(repository));
            var outputPath = parse.GetValue(output);
            if (outputPath is null && entry is null)
            {
                throw new UsageException($"--output is required when --model is a file ('{modelArgument}'); only repository models may omit it.");
            }

            var target = outputPath ?? Path.Combine(repo!.Root, $".prune-{Guid.NewGuid():N}.onnx");
            var options = new PruneFileOptions(
                pfValue,
                methodValue,
                parse.GetValue(keepFirst),
                parse.GetValue(keepClassifier),
                parse.GetValue(minElements),
                parse.GetValue(wire),
                parse.GetValue(sparse),
                parse.GetValue(sizes),
                new WireOptions(parse.GetValue(compression)),
                parse.GetValue(channelMultiple));
            ModelsCommand.Progress(parse, $"pruning {input} ({PrunedVariants.MethodName(methodValue)}, pf {pfValue.ToString(CultureInfo.InvariantCulture)})...");
            PruneFileReport report;
            string? variant = null;
            try
            {
                report = ModelPruning.PruneFile(input, target, options);
                if (entry is not null)
                {
                    variant = PrunedVariants.Name(methodValue, pfValue);
                    ModelsCommand.Progress(parse, $"adding {entry.Name}/{variant} to {repo!.Root}...");
                    PrunedVariants.AddToRepository(repo, entry, target, pfValue, methodValue);
                }
            }
            finally
            {
                if (outputPath is null)
                {
                    File.Delete(target);
                }
            }

            PruneView.Write(parse, json, new PruneView(input, outputPath, variant, report));
            return CliApp.Success;
        });
        return command;
    }

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
