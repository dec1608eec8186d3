using System.CommandLine;
using EdgeInfer.Cli.Commands.Models;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Compression.Building;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Cli.Commands.Pruning;

/// <summary>
/// The output of <c>edgeinfer prune</c> and <c>edgeinfer quantize</c> (JSON: camelCase; times in seconds, sizes in bytes;
/// <c>method</c> is the variant's kind, <c>pruningFactor</c> the uniform pf the pruner ran at).
/// </summary>
internal sealed record PruneView(string Input, string? Output, string? RepositoryVariant, VariantBuildReport Report)
{
    public static void Write(ParseResult parse, Option<bool> json, PruneView view)
    {
        var r = view.Report;
        var output = parse.InvocationConfiguration.Output;
        var t = r.Timings;
        var timings = new
        {
            load = t.Load.Value,
            calibration = t.Calibration.Value,
            select = t.Select.Value,
            prune = t.Prune.Value,
            quantize = t.Quantize.Value,
            save = t.Save.Value,
            total = t.Total.Value,
        };
        var sizes = new { dense = r.Sizes.Dense.Value, wire = r.Sizes.Wire?.Value, coo = r.Sizes.Coo?.Value, gzip = r.Sizes.Gzip?.Value };
        var calibration = r.CalibrationSource is null ? null : new { source = r.CalibrationSource, images = r.CalibrationImages };
        if (parse.GetValue(json))
        {
            CliJson.Write(output, new
            {
                input = view.Input,
                output = view.Output,
                repositoryVariant = view.RepositoryVariant,
                variant = r.Variant.Name,
                method = r.Variant.Kind ?? "none",
                pruningFactor = r.UniformFactor?.Value ?? 0,
                macsBudget = r.Variant.Budget?.KeptFraction,
                precision = r.Variant.IsQuantized ? ModelVariant.Int8Name : "float32",
                achievedSparsity = r.AchievedSparsity,
                parametersBefore = r.ParametersBefore,
                parametersAfter = r.ParametersAfter,
                macsBefore = r.MacsBefore,
                macsAfter = r.MacsAfter,
                calibration,
                timings,
                sizes,
            });
            return;
        }

        var amount = r.UniformFactor is { } pf ? $" (uniform pf {pf})" : string.Empty;
        var achieved = r.AchievedSparsity is { } a ? $": achieved {a:0.######}" : string.Empty;
        output.WriteLine($"{r.Variant.Name}{amount}{achieved}");
        output.WriteLine($"  parameters {ModelsCommand.Human(r.ParametersBefore)} -> {ModelsCommand.Human(r.ParametersAfter)} (non-zero), "
            + $"MACs {ModelsCommand.Human(r.MacsBefore)} -> {ModelsCommand.Human(r.MacsAfter)}");
        if (calibration is not null)
        {
            output.WriteLine($"  calibration: {calibration.source}");
        }

        output.WriteLine($"  time load {timings.load:0.000} s, calibration {timings.calibration:0.000} s, select {timings.select:0.000} s, "
            + $"prune {timings.prune:0.000} s, quantize {timings.quantize:0.000} s, save {timings.save:0.000} s, total {timings.total:0.000} s");
        output.WriteLine($"  size dense {sizes.dense} B"
            + (sizes.wire is { } w ? $", wire {w} B" : string.Empty)
            + (sizes.coo is { } c ? $", COO {c} B" : string.Empty)
            + (sizes.gzip is { } g ? $", gzip -6 {g} B" : string.Empty));
        if (view.Output is not null)
        {
            output.WriteLine($"  wrote {view.Output}");
        }

        if (view.RepositoryVariant is not null)
        {
            output.WriteLine($"  repository variant {view.RepositoryVariant}");
        }
    }
}
