using System.CommandLine;
using System.Globalization;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Core;
using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Radio;
using EdgeInfer.Core.Scenarios;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Runtime.Profiles;

namespace EdgeInfer.Cli.Commands.Plan;

/// <summary>
/// The <c>plan --profile FILE</c> extension of <c>plan</c>: the scenario's model costs and edge load come from a measured
/// profile (edge times interpolated linearly between measured loads; beyond them only with <c>--extrapolate</c>, by the
/// processor-sharing fit, and marked <c>extrapolated</c>). <c>--sweep-load FROM:TO:STEP</c> plans every load and reports
/// the thresholds above which the device beats the edge. An optional <c>--scenario</c> gives everything else
/// (radio, workload, constraints, accuracy); radio flags and <c>--requests</c> override it.
/// </summary>
internal sealed class PlanFromProfile(AccuracyFlags accuracy)
{
    private readonly Option<string?> profile = new("--profile")
    {
        Description = "Measured profile (edgeinfer profile) to take model sizes and inference/pruning times from.",
    };
    private readonly Option<string?> model = new("--model") { Description = "Model in the profile (with --profile), e.g. resnet152." };
    private readonly Option<PruningFactor?> pf = PruningFlags.OptionalFactor(
        "With --profile, the pruned variant to plan with (0: the full model; omitted: the model's only pruned variant)");

    private readonly Option<PruningMethod> method = PruningFlags.Method();
    private readonly Option<double?> edgeLoad = new("--edge-load")
    {
        Description = "Concurrent tasks at the edge (with --profile); default: the scenario's edge.load.",
    };
    private readonly Option<long?> requests = new("--requests") { Description = "Requests Q over the model lifetime (overrides the scenario)." };
    private readonly Option<bool> extrapolate = new("--extrapolate")
    {
        Description = "Allow edge loads beyond the measured ones (processor-sharing fit; marked extrapolated).",
    };
    private readonly Option<string?> sweepLoad = new("--sweep-load") { Description = "FROM:TO:STEP edge loads to plan, e.g. 0:100:10 (with --profile)." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { profile, model, pf, method, edgeLoad, requests, extrapolate, sweepLoad })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>True when <c>--profile</c> was given.</summary>
    public bool Requested(ParseResult parse) => parse.GetValue(profile) is not null;

    /// <summary>Runs the profile-driven plan or sweep and writes it; returns the exit code.</summary>
    public int Run(ParseResult parse, RadioFlags radio, FileInfo? scenarioFile, bool json)
    {
        var profilePath = parse.GetValue(profile)!;
        var modelName = parse.GetValue(model) ?? throw new UsageException("--model is required with --profile (e.g. --model resnet152).");
        var variant = parse.GetValue(pf) is { } factor ? ModelVariant.Pruned(modelName, parse.GetValue(method), factor).Name : null;
        var document = ProfileFile.ReadComplete(profilePath);
        if ((document.Device is null ? "device" : document.Edge is null ? "edge" : null) is { } role)
        {
            throw new UsageException($"The profile has no {role} role; measure one (profile --role {role}) and merge it (profile merge).");
        }

        var inputs = FlagProblems.Naming(
            () => ProfilePlanInputs.From(document, modelName, variant), ("pruningFactor", "--pf"), ("method", "--method"), ("pruneSamples", "--prune-samples"));
        var scenario = BaseScenario(scenarioFile);
        scenario = scenario with
        {
            Radio = radio.ValidateAsFlags(radio.Apply(parse, scenario.Radio)),
            Constraints = accuracy.Apply(parse, scenario.Constraints),
        };
        if (parse.GetValue(requests) is { } q)
        {
            scenario = scenario with { Workload = scenario.Workload with { Requests = q } };
        }

        var channel = RadioChannel.Evaluate(scenario.Radio, "radio.");
        var allowExtrapolation = parse.GetValue(extrapolate);
        var output = parse.InvocationConfiguration.Output;
        var source = new PlanFromProfileOutput.Source(Path.GetFullPath(profilePath), inputs.Model, inputs.PrunedVariant, inputs.PruningFactor);
        if (parse.GetValue(sweepLoad) is { } sweepText)
        {
            var sweep = FlagProblems.Naming(
                () => PlanLoadSweep.Run(inputs, scenario, channel, ParseSweep(sweepText), allowExtrapolation), ("extrapolation", "--extrapolate"));
            if (json)
            {
                CliJson.Write(output, new { profile = source, sweep.Extrapolated, sweep.Loads, sweep.Thresholds });
            }
            else
            {
                PlanLoadSweep.WriteTable(output, source, sweep);
            }

            return CliApp.Success;
        }

        var load = parse.GetValue(edgeLoad) ?? scenario.Edge.Load;
        var (filled, estimates) = FlagProblems.Naming(
            () => (inputs.Apply(scenario, load, allowExtrapolation, out var estimated), estimated), ("extrapolation", "--extrapolate"));
        filled.ToInputs();
        var plan = OffloadPlanner.Plan(filled, channel.Rates);
        if (json)
        {
            CliJson.Write(output, new PlanFromProfileOutput(source, estimates.Extrapolated, estimates, PlanOutput.From(plan, channel)));
        }
        else
        {
            PlanFromProfileOutput.WriteHeader(output, source, estimates);
            PlanTable.Write(output, plan, channel);
        }

        return CliApp.Success;
    }

    private static PlanningScenario BaseScenario(FileInfo? file)
    {
        if (file is null)
        {
            return new PlanningScenario();
        }

        if (!file.Exists)
        {
            throw new UsageException($"--scenario '{file.FullName}' does not exist.");
        }

        try
        {
            return ScenarioJson.Parse(File.ReadAllText(file.FullName));
        }
        catch (EdgeInferInputException ex)
        {
            throw new EdgeInferInputException($"{file.Name}: {ex.Message}", ex);
        }
    }

    internal static double[] ParseSweep(string text)
    {
        var parts = text.Split(':');
        var values = new double[3];
        if (parts.Length != 3 || !parts.Select((p, i) => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i])).All(ok => ok))
        {
            throw new UsageException($"--sweep-load '{text}' is not FROM:TO:STEP (e.g. 0:100:10).");
        }

        var (from, to, step) = (values[0], values[1], values[2]);
        if (!double.IsFinite(from) || !double.IsFinite(to) || from < 0 || to < from || !(step > 0) || (to - from) / step > 100_000)
        {
            throw new UsageException($"--sweep-load '{text}' needs 0 ≤ FROM ≤ TO, STEP > 0 and at most 100000 steps.");
        }

        var loads = new List<double>();
        for (var i = 0; from + (i * step) <= to + 1e-9; i++)
        {
            loads.Add(Math.Round(from + (i * step), 9));
        }

        return loads.ToArray();
    }
}
