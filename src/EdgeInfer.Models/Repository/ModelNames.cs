using System.Text.RegularExpressions;

namespace EdgeInfer.Models.Repository;

/// <summary>
/// Rules for model and variant names, which become folder names: 1–64 characters from letters, digits, <c>.</c>,
/// <c>_</c>, <c>-</c> and <c>+</c> (quantized variants: <c>channel-ls+int8-0.50</c>), starting with a letter or digit, and no
/// <c>..</c>. So no path separators, no escaping the repository.
/// </summary>
public static partial class ModelNames
{
    /// <summary>The problem with <paramref name="name"/> in words, or null when it is valid.</summary>
    public static string? Problem(string? name, string what = "name")
    {
        if (string.IsNullOrEmpty(name))
        {
            return $"{what} is empty";
        }

        if (name.Contains("..", StringComparison.Ordinal) || !Allowed().IsMatch(name))
        {
            return $"{what} '{name}' is not allowed (use 1-64 letters, digits, '.', '_', '-', '+', starting with a letter or digit, no '..')";
        }

        return null;
    }

    /// <summary>True when <paramref name="name"/> is a valid model or variant name.</summary>
    public static bool IsValid(string? name) => Problem(name) is null;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Allowed();
}
