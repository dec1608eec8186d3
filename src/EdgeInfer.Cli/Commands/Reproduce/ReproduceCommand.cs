using System.CommandLine;
using EdgeInfer.Cli.Commands.Models;
using EdgeInfer.Cli.Commands.Reproduce;
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
internal static class ReproduceCommand
{
    public static Command Create()
    {
        var preset = new Option<string>("--preset")
        {
            Description = "quick (loads up to 16, about 10 minutes on 2 cores) or paper (loads up to 100, as in the paper).",
            DefaultValueFactory = _ => "quick",
        };
        var config = new Option<string?>("--config") { Description = "Study config JSON; omitted fields keep the preset's values (see docs/experiments.md)." };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Results folder: report.md, run.json, figures/, cache/.",
            DefaultValueFactory = _ => "results",
        };
        var fresh = new Option<bool>("--fresh") { Description = "Ignore cached measurements and measure everything again." };
        var repository = ModelsCommand.RepositoryOption();
        var json = CommonOptions.Json();
        var command = new Command("reproduce", "Reproduce the paper's study on this machine: measurements, Figures 2-5, report.md and run.json.");
        foreach (var option in new Option[] { preset, config, output, fresh, repository, json })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) =>
        {
            var presetName = parse.GetValue(preset)!;
            var studyConfig = StudyPresets.Get(presetName);
            var configPath = parse.GetValue(config);
            if (configPath is not null)
            {
                if (!File.Exists(configPath))
                {
                    throw new EdgeInferInputException($"--config '{configPath}' does not exist.");
                }

                studyConfig = StudyConfigJson.Parse(File.ReadAllText(configPath), studyConfig);
            }

            studyConfig.Validate();
            var stderr = parse.InvocationConfiguration.Error;
            var progress = new ReproduceProgressWriter(stderr, Console.IsErrorRedirected);
            var repo = ModelRepository.Open(parse.GetValue(repository));
            var accuracy = ReproduceAccuracy.Evaluator(repo, line => stderr.WriteLine(line));
            var measurer = new OrtStudyMeasurer(studyConfig, repo, accuracy);
            var study = new StudyReproduction(measurer, ReproduceFigures.Renderer(), canMeasureAccuracy: true);
            var request = new ReproductionRequest(studyConfig, presetName.ToLowerInvariant(), parse.GetValue(output)!, parse.GetValue(fresh), configPath);
            var result = study.Run(request, progress.Report, cancellationToken);
            progress.Finish();
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                CliJson.Write(stdout, ReproduceSummary.Json(result));
            }
            else
            {
                ReproduceSummary.WriteTable(stdout, result);
            }

            return Task.FromResult(CliApp.Success);
        });
        return command;
    }
}
