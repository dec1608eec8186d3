using System.CommandLine;
using EdgeInfer.Cli.Commands.Models;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Pruning.Pipeline;

namespace EdgeInfer.Cli.Commands.Pruning;

/// <summary>The output of <c>edgeinfer prune</c> (JSON: camelCase; times in seconds, sizes in bytes).</summary>
internal sealed record PruneView(string Input, string? Output, string? RepositoryVariant, PruneFileReport Report)
{
    public static void Write(ParseResult parse, Option<bool> json, PruneView view)
    {
        var r = view.Report;
        var output = parse.InvocationConfiguration.Output;
        var timings = new
        {
            load = r.Timings.Load.Value,
            select = r.Timings.Select.Value,
            mask = r.Timings.Mask.Value,
            save = r.Timings.Save.Value,
            total = r.Timings.Total.Value,
        };
        var sizes = new { dense = r.Sizes.Dense.Value, wire = r.Sizes.Wire?.Value, coo = r.Sizes.Coo?.Value, gzip = r.Sizes.Gzip?.Value };
        if (parse.GetValue(json))
        {
            CliJson.Write(output, new
            {
                input = view.Input,
                output = view.Output,
                repositoryVariant = view.RepositoryVariant,
                method = r.Method,
                pruningFactor = r.PruningFactor,
                achievedSparsity = r.AchievedSparsity,
                parametersBefore = r.ParametersBefore,
                parametersAfter = r.ParametersAfter,
                macsBefore = r.MacsBefore,
                macsAfter = r.MacsAfter,
                timings,
                sizes,
            });
            return;
        }

        output.WriteLine($"{r.Method.ToString().ToLowerInvariant()} pf {r.PruningFactor:0.###}: achieved {r.AchievedSparsity:0.######}");
        output.WriteLine($"  parameters {ModelsCommand.Human(r.ParametersBefore)} -> {ModelsCommand.Human(r.ParametersAfter)} (non-zero), "
            + $"MACs {ModelsCommand.Human(r.MacsBefore)} -> {ModelsCommand.Human(r.MacsAfter)}");
        output.WriteLine($"  time load {timings.load:0.000} s, select {timings.select:0.000} s, mask {timings.mask:0.000} s, save {timings.save:0.000} s, "
            + $"total {timings.total:0.000} s");
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
