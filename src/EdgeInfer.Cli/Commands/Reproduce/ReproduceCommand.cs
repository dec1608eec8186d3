using System.CommandLine;
using EdgeInfer.Cli.Commands.Models;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Core;
using EdgeInfer.Models.Repository;
using EdgeInfer.Study;
using EdgeInfer.Study.Config;
using EdgeInfer.Study.Measurement;

namespace EdgeInfer.Cli.Commands.Reproduce;

/// <summary>
/// <c>edgeinfer reproduce</c>: the paper's study end to end on this machine — measure (cached in the output folder),
/// then Figures 2–5 (PNG, SVG, CSV), <c>report.md</c> and <c>run.json</c>. Progress per phase on stderr, a summary table
/// (or one JSON object with <c>--json</c>) on stdout.
/// </summary>
internal sealed class ReproduceCommand
{
    private readonly Option<string> preset = new("--preset")
    {
        Description = "quick (loads up to 16, about 10 minutes on 2 cores) or paper (loads up to 100, as in the paper).",
        DefaultValueFactory = _ => "quick",
    };

    private readonly Option<string?> config = new("--config")
    {
        Description = "Study config JSON; omitted fields keep the preset's values (see docs/experiments.md).",
    };

    private readonly Option<string> output = new("--output", "-o")
    {
        Description = "Results folder: report.md, run.json, figures/, cache/.",
        DefaultValueFactory = _ => "results",
    };

    private readonly Option<bool> fresh = new("--fresh") { Description = "Ignore cached measurements and measure everything again." };
    private readonly Option<string?> repository = ModelsCommand.RepositoryOption();
    private readonly Option<bool> json = CommonOptions.Json();

    public static Command Create() => new ReproduceCommand().Build();

    private Command Build()
    {
        var command = new Command("reproduce", "Reproduce the paper's study on this machine: measurements, Figures 2-5, report.md and run.json.");
        foreach (var option in new Option[] { preset, config, output, fresh, repository, json })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(parse, cancellationToken)));
        return command;
    }

    private int Run(ParseResult parse, CancellationToken cancellationToken)
    {
        var presetName = parse.GetValue(preset)!;
        var configPath = parse.GetValue(config);
        var studyConfig = Config(presetName, configPath);
        var stderr = parse.InvocationConfiguration.Error;
        using var progress = new ReproduceProgressWriter(stderr, ProgressModes.For(stderr));
        var repo = ModelRepository.Open(parse.GetValue(repository));
        var accuracy = ReproduceAccuracy.Evaluator(repo, progress.Line, studyConfig.CalibrationImages);
        var measurer = new OrtStudyMeasurer(studyConfig, repo, accuracy);
        var study = new StudyReproduction(measurer, ReproduceFigures.Renderer(), canMeasureAccuracy: true);
        var request = new ReproductionRequest(studyConfig, presetName.ToLowerInvariant(), parse.GetValue(output)!, parse.GetValue(fresh), configPath);
        var result = study.Run(request, progress.Report, cancellationToken);
        progress.Finish();
        progress.Dispose();
        var stdout = parse.InvocationConfiguration.Output;
        if (parse.GetValue(json))
        {
            CliJson.Write(stdout, ReproduceSummary.Json(result));
        }
        else
        {
            ReproduceSummary.WriteTable(stdout, result);
        }

        return CliApp.Success;
    }

    /// <summary>The preset, with the fields of <c>--config</c> over it, validated.</summary>
    private static StudyConfig Config(string presetName, string? configPath)
    {
        var studyConfig = StudyPresets.Get(presetName);
        if (configPath is not null)
        {
            if (!File.Exists(configPath))
            {
                throw new EdgeInferInputException($"--config '{configPath}' does not exist.");
            }

            studyConfig = StudyConfigJson.Parse(File.ReadAllText(configPath), studyConfig);
        }

        return studyConfig.Validated();
    }
}
