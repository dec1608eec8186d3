using EdgeInfer.Core;

namespace EdgeInfer.Edge.Security;

/// <summary>
/// Reads API keys: a file with one key a line, <c>name role secret</c> (role <c>admin</c> or <c>device</c>; blank lines and
/// lines starting with <c>#</c> are skipped), or the environment variable <see cref="EnvironmentVariable"/> with the same
/// entries separated by <c>;</c>. Every problem is named by its file and line (or entry), never by the secret.
/// </summary>
public static class ApiKeyList
{
    /// <summary>The environment variable <c>serve</c> reads keys from: entries <c>name role secret</c> separated by <c>;</c>.</summary>
    public const string EnvironmentVariable = "EDGEINFER_API_KEYS";

    /// <summary>The keys of a keys file.</summary>
    public static IReadOnlyList<ApiKey> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EdgeInferInputException($"Cannot read the API keys file '{path}': {ex.Message}");
        }

        return Parse(text, $"API keys file '{path}' line", '\n');
    }

    /// <summary>The keys of the value of <see cref="EnvironmentVariable"/> (empty for null or blank).</summary>
    public static IReadOnlyList<ApiKey> FromEnvironmentValue(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : Parse(value, EnvironmentVariable + " entry", ';');

    /// <summary>The keys of a file (when given) and of the environment value (when set), checked together for duplicates.</summary>
    public static IReadOnlyList<ApiKey> Load(string? file, string? environmentValue)
    {
        var keys = new List<ApiKey>();
        if (file is not null)
        {
            keys.AddRange(ReadFile(file));
        }

        keys.AddRange(FromEnvironmentValue(environmentValue));
        var problems = Duplicates(keys);
        return problems.Count == 0 ? keys : throw new EdgeInferInputException("Invalid API keys: " + string.Join("; ", problems) + ".");
    }

    /// <summary>
    /// Parses entries separated by <paramref name="separator"/>; <paramref name="where"/> names an entry in messages
    /// (followed by its 1-based number).
    /// </summary>
    public static IReadOnlyList<ApiKey> Parse(string text, string where, char separator)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(where);
        var keys = new List<ApiKey>();
        var problems = new List<string>();
        var entries = text.Split(separator);
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i].Trim();
            if (entry.Length == 0 || entry.StartsWith('#'))
            {
                continue;
            }

            var fields = entry.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 3)
            {
                problems.Add($"{where} {i + 1}: expected 'name role secret', found {fields.Length} fields");
                continue;
            }

            var role = fields[1].ToLowerInvariant() switch
            {
                "admin" => ApiKeyRole.Admin,
                "device" => ApiKeyRole.Device,
                _ => (ApiKeyRole?)null,
            };
            var entryProblems = ApiKey.Problems(fields[0], fields[2]);
            if (role is null)
            {
                entryProblems.Insert(0, "the role must be 'admin' or 'device'");
            }

            if (entryProblems.Count > 0)
            {
                problems.Add($"{where} {i + 1}: " + string.Join(", ", entryProblems));
                continue;
            }

            keys.Add(ApiKey.Create(fields[0], role!.Value, fields[2]));
        }

        problems.AddRange(Duplicates(keys));
        return problems.Count == 0 ? keys : throw new EdgeInferInputException("Invalid API keys: " + string.Join("; ", problems) + ".");
    }

    /// <summary>Names given twice and secrets shared by two names (which would make a client's name ambiguous).</summary>
    internal static List<string> Duplicates(IReadOnlyList<ApiKey> keys)
    {
        var problems = new List<string>();
        for (var i = 0; i < keys.Count; i++)
        {
            for (var j = i + 1; j < keys.Count; j++)
            {
                if (string.Equals(keys[i].Name, keys[j].Name, StringComparison.Ordinal))
                {
                    problems.Add($"the name '{keys[i].Name}' is given twice");
                }
                else if (keys[i].SameSecretAs(keys[j]))
                {
                    problems.Add($"'{keys[i].Name}' and '{keys[j].Name}' have the same secret");
                }
            }
        }

        return problems;
    }
}
