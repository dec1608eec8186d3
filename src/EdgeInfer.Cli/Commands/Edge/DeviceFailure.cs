using EdgeInfer.Device.Execution;

namespace EdgeInfer.Cli.Commands.Edge;

/// <summary>What <c>edgeinfer device --json</c> prints on stdout when the run fails.</summary>
/// <param name="Error">The error, one line (also on stderr).</param>
/// <param name="ExitCode">The process's exit code (1 failure, 2 bad input).</param>
/// <param name="Kind">The exception's type name, e.g. <c>HttpRequestException</c>.</param>
/// <param name="Runs">The strategy runs that finished before the failure (partial results).</param>
internal sealed record DeviceFailure(string Error, int ExitCode, string Kind, IReadOnlyList<StrategyRun> Runs);
