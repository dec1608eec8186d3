using System.Text.RegularExpressions;
using EdgeInfer.Core;

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

        throw new UsageException(string.Join("; ", problems.Select(problem => Named(problem, flags))) + ".");
    }

    /// <summary>
    /// Runs library code whose <see cref="EdgeInferInputException"/> names fields in words; rethrows it with each field named
    /// by its flag (the library's exception kept as the inner one).
    /// </summary>
    /// <param name="call">The library call.</param>
    /// <param name="flags">Field name (whole words) → flag name, e.g. <c>("limit", "--limit")</c>.</param>
    public static T Naming<T>(Func<T> call, params (string Field, string Flag)[] flags)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return call();
        }
        catch (EdgeInferInputException e)
        {
            throw new EdgeInferInputException(Named(e.Message, flags), e);
        }
    }

    /// <summary>The asynchronous <see cref="Naming{T}(Func{T}, ValueTuple{string, string}[])"/>.</summary>
    /// <param name="call">The library call.</param>
    /// <param name="flags">Field name (whole words) → flag name.</param>
    public static async Task<T> NamingAsync<T>(Func<Task<T>> call, params (string Field, string Flag)[] flags)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call();
        }
        catch (EdgeInferInputException e)
        {
            throw new EdgeInferInputException(Named(e.Message, flags), e);
        }
    }

    /// <summary>The asynchronous <see cref="Naming{T}(Func{T}, ValueTuple{string, string}[])"/> of a call without a result.</summary>
    /// <param name="call">The library call.</param>
    /// <param name="flags">Field name (whole words) → flag name.</param>
    public static Task NamingAsync(Func<Task> call, params (string Field, string Flag)[] flags)
    {
        ArgumentNullException.ThrowIfNull(call);
        return NamingAsync(async () =>
        {
            await call();
            return true;
        }, flags);
    }

    /// <summary><paramref name="text"/> with each field (whole words, the longest first) replaced by its flag.</summary>
    private static string Named(string text, (string Field, string Flag)[] flags)
    {
        if (flags.Length == 0)
        {
            return text;
        }

        var names = flags.ToDictionary(f => f.Field, f => f.Flag, StringComparer.Ordinal);
        var pattern = "\\b(?:" + string.Join("|", names.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape)) + ")\\b";
        return Regex.Replace(text, pattern, field => names[field.Value]);
    }
}
