using System.Globalization;
using System.Text.Json;

namespace EdgeInfer.Study.Config;

/// <summary>
/// A strict view of one JSON object (the study config's root): typed reads by name with problems collected under their
/// field name, and <see cref="Finish"/> naming every field nobody read (unknown) or that appears twice — the same rules as
/// the scenario file's reader.
/// </summary>
internal sealed class StrictJsonObject(JsonElement element, List<string> problems)
{
    private readonly HashSet<string> known = new(StringComparer.Ordinal);

    public JsonElement? Get(string name)
    {
        known.Add(name);
        return element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
    }

    public bool IsExplicitNull(string name)
    {
        known.Add(name);
        return element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Null;
    }

    public double? Number(string name) => Get(name) is { } value ? AsNumber(name, value) : null;

    public int? Integer(string name) => Get(name) is { } value ? AsInteger(name, value) : null;

    public string? String(string name)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Problem(name, $"must be a string, got {Kind(value)}");
            return null;
        }

        return value.GetString();
    }

    public IReadOnlyList<double>? Numbers(string name) => Array(name, (item, v) => AsNumber(item, v) is { } n ? (true, n) : (false, 0.0));

    public IReadOnlyList<int>? Integers(string name) => Array(name, (item, v) => AsInteger(item, v) is { } n ? (true, n) : (false, 0));

    public IReadOnlyList<string>? Strings(string name) => Array(name, (item, v) =>
    {
        if (v.ValueKind == JsonValueKind.String)
        {
            return (true, v.GetString()!);
        }

        Problem(item, $"must be a string, got {Kind(v)}");
        return (false, "");
    });

    public void Problem(string name, string message) => problems.Add($"{name} {message}");

    /// <summary>Reports every property that no read asked for, and duplicates.</summary>
    public void Finish()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                problems.Add($"{property.Name} appears more than once");
            }
            else if (!known.Contains(property.Name))
            {
                problems.Add($"{property.Name} is not a known field (known: {string.Join(", ", known)})");
            }
        }
    }

    private List<T>? Array<T>(string name, Func<string, JsonElement, (bool Ok, T Value)> read)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Problem(name, $"must be an array, got {Kind(value)}");
            return null;
        }

        var items = new List<T>();
        var index = 0;
        var ok = true;
        foreach (var item in value.EnumerateArray())
        {
            var (valid, read1) = read($"{name}[{index++}]", item);
            if (valid)
            {
                items.Add(read1);
            }
            else
            {
                ok = false;
            }
        }

        return ok ? items : null;
    }

    private double? AsNumber(string name, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            Problem(name, $"must be a number, got {Kind(value)}");
            return null;
        }

        return number;
    }

    private int? AsInteger(string name, JsonElement value)
    {
        if (AsNumber(name, value) is not { } number)
        {
            return null;
        }

        if (Math.Floor(number) != number || Math.Abs(number) > int.MaxValue)
        {
            Problem(name, $"= {number.ToString("G10", CultureInfo.InvariantCulture)} must be a whole number");
            return null;
        }

        return (int)number;
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{value.GetString()}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };
}
