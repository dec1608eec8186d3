using System.CommandLine;
using EdgeInfer.Cli.Commands.Models;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Compression.Building;
using EdgeInfer.Models.Repository;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Pruning.Wire;

namespace EdgeInfer.Cli.Commands.Pruning;

/// <summary>
/// <c>edgeinfer quantize --model NAME|PATH [--from VARIANT] [-o OUT.onnx] [--wire OUT.eiw] [--sizes] [--calibration PATH|default]
/// [--calibration-images N] [--json]</c>: post-training INT8 quantization (QDQ) of the full model or of a repository variant,
/// into the repository entry <c>int8</c> or <c>&lt;variant&gt;+int8</c> (e.g. <c>channel-ls+int8-0.50</c>). A pruned variant
/// already in the repository is quantized as it is; one that is not is pruned first, as the edge server builds it.
/// </summary>
internal sealed class QuantizeCommand
{
    private readonly Option<bool> json = CommonOptions.Json();
    private readonly Option<string?> repository = ModelsCommand.RepositoryOption();
    private readonly Option<string> model = new("--model")
    {
        Description = "An ONNX file path (quantized as it is), or a model name in the repository; catalog networks are built on first use.",
        Required = true,
    };

    private readonly Option<string> from = new("--from")
    {
        Description = "Repository models: the float variant to quantize, by its repository name (full, channel-ls-0.50, channel-macs0.50, ...). "
            + "Default full.",
        HelpName = "VARIANT",
        DefaultValueFactory = _ => ModelRepository.FullVariant,
    };

    private readonly CalibrationFlags calibration = new();
    private readonly Option<string?> output = new("--output", "-o") { Description = "Quantized ONNX file to write (optional for repository models)." };
    private readonly Option<string?> wire = new("--wire") { Description = "Also write the .eiw wire encoding here." };
    private readonly Option<bool> sizes = new("--sizes") { Description = "Measure wire, COO and gzip -6 sizes even where no file is written." };

    public static Command Create() => new QuantizeCommand().Build();

    private Command Build()
    {
        var command = new Command(
            "quantize",
            "Quantize a model or a repository variant to INT8 (QDQ, per-channel weights, activations calibrated on images) and report "
            + "parameters, MACs, timings and sizes.");
        foreach (var option in new Option[] { model, from, output, wire, sizes, json, repository })
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
        var (input, entry, repo) = PruneCommand.Resolve(modelArgument, parse.GetValue(repository));
        var outputPath = parse.GetValue(output);
        var fromName = parse.GetValue(from)!;
        if (entry is null && fromName != ModelRepository.FullVariant)
        {
            throw new UsageException($"--from applies to repository models; '{modelArgument}' is a file and is quantized as it is.");
        }

        if (outputPath is null && entry is null)
        {
            throw new UsageException($"--output is required when --model is a file ('{modelArgument}'); only repository models may omit it.");
        }

        var name = entry?.Name ?? "model";
        if (!ModelVariant.TryParseName(name, fromName, out var floatVariant) || floatVariant.IsQuantized)
        {
            throw new UsageException(
                $"--from '{fromName}' is not the name of a float variant (full, global-0.70, channel-ls-0.50, channel-ls-macs0.50, ...).");
        }

        var variant = floatVariant.WithPrecision(Precision.Int8);
        var options = new VariantBuildOptions
        {
            Calibration = calibration.Provider(parse),
            WirePath = parse.GetValue(wire),
            MeasureAllSizes = parse.GetValue(sizes),
            Wire = WireOptions.Default,
        };
        var (report, added) = floatVariant.IsPruned && repo?.TryGet(name, floatVariant.Name) is { } pruned
            ? Quantize(parse, pruned, repo, variant, outputPath, options)
            : PruneCommand.Build(parse, input, entry, repo, variant, outputPath, options);
        PruneView.Write(parse, json, new PruneView(input, outputPath, added, report));
        return CliApp.Success;
    }

    /// <summary>Quantizes the repository's float variant <paramref name="pruned"/> as it is, into the repository (and a file).</summary>
    private static (VariantBuildReport Report, string RepositoryVariant) Quantize(
        ParseResult parse, ModelEntry pruned, ModelRepository repo, ModelVariant variant, string? outputPath, VariantBuildOptions options)
    {
        var target = outputPath ?? Path.Combine(repo.Root, $".quantize-{Guid.NewGuid():N}.onnx");
        using var progress = new StderrProgress(parse, "  ");
        try
        {
            progress.Line($"quantizing {pruned.Name}/{pruned.Variant} ...");
            var report = VariantBuilder.QuantizeFile(pruned.ModelPath, target, variant, options, progress);
            progress.Line($"adding {variant} to {repo.Root}...");
            VariantBuilder.AddBuiltFile(repo, repo.Get(pruned.Name), target, variant);
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
}
