namespace EdgeInfer.Cli.Infrastructure;

/// <summary>Bad command-line usage detected after parsing (exit code 2). The message names the bad value and what is allowed.</summary>
public sealed class UsageException(string message) : Exception(message);
