namespace EdgeInfer.Study.Findings;

/// <summary>What the planner chooses for one representative scenario, under the latency and the energy objective.</summary>
/// <param name="Model">Model name.</param>
/// <param name="Load">Edge load L.</param>
/// <param name="Requests">Q.</param>
/// <param name="EdgeTimes">How the edge times at this load were obtained (measured, interpolated, extrapolated).</param>
/// <param name="Latency">Strategy with the lowest lifetime delay.</param>
/// <param name="Energy">Strategy with the lowest device energy.</param>
/// <param name="Accuracy">Top-1 of the variant the latency choice uses and where it comes from (the trained proxy), or why it is not known.</param>
/// <param name="Explanation">The planner's explanation of the latency choice (with any variant the accuracy minimum ruled out).</param>
public sealed record PlannerDecision(
    string Model, int Load, long Requests, string EdgeTimes, string Latency, string Energy, string Accuracy, string Explanation);
