using EdgeInfer.Core.Radio;

namespace EdgeInfer.Core.Planning;

/// <summary>
/// Everything the planner needs besides the link rates, mirroring the scenario file section by section.
/// Every property has the paper's default (or the example where the paper has none).
/// Validate once with <see cref="ToInputs"/>, which lists every problem in one message.
/// </summary>
public sealed record PlanningScenario
{
    /// <summary>The radio link; the CLI turns it into <see cref="LinkRates"/>.</summary>
    public RadioOptions Radio { get; init; } = RadioOptions.Default;

    /// <summary>Device powers and battery.</summary>
    public DeviceProfile Device { get; init; } = new();

    /// <summary>Edge load and power.</summary>
    public EdgeProfile Edge { get; init; } = new();

    /// <summary>Q and the message sizes.</summary>
    public Workload Workload { get; init; } = new();

    /// <summary>The model's full and pruned variants.</summary>
    public ModelProfile Model { get; init; } = new();

    /// <summary>Measured protocol terms beyond the paper's model; all 0 by default (the paper's model exactly).</summary>
    public ProtocolOverheads Overheads { get; init; } = new();

    /// <summary>Accuracy and delay constraints.</summary>
    public PlanningConstraints Constraints { get; init; } = new();

    /// <summary>What to minimise. Default latency.</summary>
    public Objective Objective { get; init; } = Objective.Latency;

    /// <summary>Every problem with the scenario (radio included), each naming its JSON path.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>(Radio.Problems("radio."));
        if (Workload.Requests is < 1 or > Workload.MaxRequests)
        {
            problems.Add($"workload.requests = {Workload.Requests} must be between 1 and {Workload.MaxRequests}");
        }

        else if (Workload.InputSize.Value + Workload.ResultSize.Value > long.MaxValue / Workload.Requests)
        {
            problems.Add($"workload.requests = {Workload.Requests} times (inputBytes + resultBytes) overflows a 64-bit byte count");
        }

        if (!double.IsFinite(Edge.Load) || Edge.Load < 0)
        {
            problems.Add($"edge.load = {Edge.Load} must be a finite number ≥ 0");
        }

        if (string.IsNullOrWhiteSpace(Model.Name))
        {
            problems.Add("model.name must not be empty");
        }

        Model.Full.AddProblems(problems, "model.full.");
        Model.Pruned.AddProblems(problems, "model.pruned.");
        CheckFraction(problems, Constraints.MinTop1, "constraints.minTop1");
        CheckFraction(problems, Constraints.MinTop5, "constraints.minTop5");
        if (Constraints.MaxCycleDelay is { Value: <= 0 } max)
        {
            problems.Add($"constraints.maxCycleDelaySeconds = {max.Value} must be positive");
        }

        if (!Enum.IsDefined(Objective))
        {
            problems.Add($"objective = {Objective} is not one of latency, energy, data");
        }

        return problems;
    }

    /// <summary>Validates the scenario and compiles it into the planner's flat, allocation-free input.</summary>
    /// <exception cref="EdgeInferInputException">Listing every problem, each with its JSON path.</exception>
    public PlanningInputs ToInputs()
    {
        var problems = Problems();
        return problems.Count == 0 ? new PlanningInputs(this) : throw new EdgeInferInputException(string.Join("; ", problems) + ".");
    }

    private static void CheckFraction(List<string> problems, double? value, string path)
    {
        if (value is { } v && v is < 0 or > 1)
        {
            problems.Add($"{path} = {v} must be in [0, 1]");
        }
    }
}
