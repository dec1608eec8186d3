using System.CommandLine;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Core;
using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Radio;
using EdgeInfer.Core.Scenarios;

namespace EdgeInfer.Cli.Commands.Plan;

/// <summary><c>edgeinfer plan --scenario FILE</c>: the six strategies, the choice and the break-even points.</summary>
internal static class PlanCommand
{
    public static Command Create()
    {
        var command = new Command(
            "plan",
            "Cost of the six strategies (edge/device × full/prepruned/ondemand) for a scenario file, the best feasible one and the break-even Q.");
        var json = CommonOptions.Json();
        var scenarioFile = new Option<FileInfo>("--scenario")
        {
            Description = "Scenario JSON file (see examples/scenario.json); omitted fields take the paper's defaults. Required unless --profile is given.",
        };
        var radio = new RadioFlags();
        var accuracy = new AccuracyFlags();
        var fromProfile = new PlanFromProfile(accuracy);
        command.Options.Add(scenarioFile);
        command.Options.Add(json);
        radio.AddTo(command);
        accuracy.AddTo(command);
        fromProfile.AddTo(command);
        command.SetAction(parse =>
        {
            if (fromProfile.Requested(parse))
            {
                return fromProfile.Run(parse, radio, parse.GetValue(scenarioFile), parse.GetValue(json));
            }

            var file = parse.GetValue(scenarioFile) ?? throw new UsageException("plan needs --scenario FILE or --profile FILE.");
            var (plan, channel) = Run(file, radio, accuracy, parse);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                CliJson.Write(output, PlanOutput.From(plan, channel));
            }
            else
            {
                PlanTable.Write(output, plan, channel);
            }

            return CliApp.Success;
        });
        return command;
    }

    private static (OffloadPlan Plan, ChannelReport Channel) Run(FileInfo file, RadioFlags radio, AccuracyFlags accuracy, ParseResult parse)
    {
        if (!file.Exists)
        {
            throw new UsageException($"--scenario '{file.FullName}' does not exist.");
        }

        var text = File.ReadAllText(file.FullName);
        try
        {
            var scenario = ScenarioJson.Parse(text);
            scenario = scenario with { Radio = radio.Apply(parse, scenario.Radio), Constraints = accuracy.Apply(parse, scenario.Constraints) };
            scenario.ToInputs(); // every problem of the scenario (radio included) in one message
            var channel = RadioChannel.Evaluate(scenario.Radio, "radio.");
            return (OffloadPlanner.Plan(scenario, channel.Rates), channel);
        }
        catch (EdgeInferInputException ex)
        {
            throw new EdgeInferInputException($"{file.Name}: {ex.Message}", ex);
        }
    }
}
