namespace EdgeInfer.Device.Execution;

/// <summary>
/// What <c>edgeinfer device</c> prints: the decision (with reasons), the sources of the planner's inputs, each executed
/// strategy (every repetition), and per strategy the medians over the repetitions (<see cref="StrategySummary"/>).
/// <see cref="Faults"/> describes the faults the link injected (null: none), <see cref="Drops"/> and <see cref="Stalls"/>
/// count them over the whole run, probes included.
/// </summary>
public sealed record DeviceReport(
    string Edge,
    string Model,
    int Requests,
    bool Shaping,
    double UplinkBitsPerSecond,
    double DownlinkBitsPerSecond,
    int EdgeLoad,
    Decision Decision,
    IReadOnlyList<string> Sources,
    IReadOnlyList<StrategyRun> Runs,
    long Retries,
    int Fallbacks,
    int Errors,
    int Repeat,
    IReadOnlyList<StrategySummary> Summary,
    string? Faults,
    long Drops,
    long Stalls);

/// <summary>The planner's decision.</summary>
/// <param name="Chosen">The chosen strategy, or null when none is feasible.</param>
/// <param name="Explanation">Why, in words.</param>
/// <param name="Options">Every strategy with its predicted costs and the constraints it breaks.</param>
public sealed record Decision(string? Chosen, string Explanation, IReadOnlyList<DecisionOption> Options);

/// <summary>One strategy as planned.</summary>
public sealed record DecisionOption(
    string Strategy,
    double CycleDelaySeconds,
    double LifetimeDelaySeconds,
    double DeviceEnergyJoules,
    long ExchangedBytes,
    bool Feasible,
    IReadOnlyList<string> Reasons);
