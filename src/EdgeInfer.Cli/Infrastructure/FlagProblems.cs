namespace EdgeInfer.Cli.Infrastructure;

/// <summary>
/// Names flags in problems that libraries report by field (<c>requests 0 is outside [1, 100000]</c>): the libraries know
/// their fields, not this command line's flags, so the CLI renames them (<c>--requests 0 is outside [1, 100000]</c>).
/// </summary>
internal static class FlagProblems
{
    /// <summary>
    /// Throws one <see cref="UsageException"/> listing <paramref name="problems"/> with each field named by its flag;
    /// nothing when there are none.
    /// </summary>
    /// <param name="problems">Problems that name fields as whole words.</param>
    /// <param name="flags">Field name → flag name, e.g. <c>("requests", "--requests")</c>.</param>
    public static void ThrowIfAny(IReadOnlyList<string> problems, params (string Field, string Flag)[] flags)
    {
        if (problems.Count == 0)
        {
            return;
        }

        var names = flags.ToDictionary(f => f.Field, f => f.Flag, StringComparer.Ordinal);
        var named = problems.Select(problem => System.Text.RegularExpressions.Regex.Replace(
            problem, "\\b[A-Za-z][A-Za-z0-9]*\\b", word => names.TryGetValue(word.Value, out var flag) ? flag : word.Value));
        throw new UsageException(string.Join("; ", named) + ".");
    }
}
