namespace EdgeInfer.Core.Planning;

/// <summary>One strategy's outcome with a sentence per violated constraint.</summary>
public sealed record PlannedOption(StrategyOutcome Outcome, IReadOnlyList<string> Reasons);
