using System.Globalization;
using System.Text.Json;

namespace EdgeInfer.Core.Scenarios;

/// <summary>
/// A strict view of one JSON object: typed reads by name, problems collected with their JSON path,
/// and <see cref="Finish"/> reporting every field nobody read (unknown) or that appears twice.
/// </summary>
internal sealed class JsonSection
{
    private readonly JsonElement element;
    private readonly List<string> problems;
    private readonly HashSet<string> known = new(StringComparer.Ordinal);

    private JsonSection(JsonElement element, string path, List<string> problems)
    {
        this.element = element;
        Path = path;
        this.problems = problems;
    }

    /// <summary>The JSON path of this object, e.g. "model.full" ("" for the root).</summary>
    public string Path { get; }

    public static JsonSection Root(JsonElement element, List<string> problems) => new(element, "", problems);

    /// <summary>A nested object, or null when absent; wrong kinds are reported.</summary>
    public JsonSection? Section(string name)
    {
        if (Get(name) is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Problem(name, $"must be a JSON object, got {Kind(value)}");
            return null;
        }

        return new JsonSection(value, Join(name), problems);
    }

    /// <summary>A finite number, or null when absent or <c>null</c>.</summary>
    public double? Number(string name)
    {
        if (Get(name) is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            Problem(name, $"must be a number, got {Kind(value)}");
            return null;
        }

        return number;
    }

    /// <summary>A whole number (e.g. bytes, elements), or null when absent.</summary>
    public long? Integer(string name)
    {
        if (Number(name) is not { } number)
        {
            return null;
        }

        if (Math.Floor(number) != number || Math.Abs(number) > 9e15)
        {
            Problem(name, $"= {Format(number)} must be a whole number");
            return null;
        }

        return (long)number;
    }

    /// <summary>A whole number that must not be negative (sizes).</summary>
    public long? NonNegativeInteger(string name)
    {
        var value = Integer(name);
        if (value < 0)
        {
            Problem(name, $"= {value} must not be negative");
            return null;
        }

        return value;
    }

    /// <summary>A quantity built by <paramref name="create"/>; its constructor's rejection (negative, NaN) becomes a problem naming the field.</summary>
    public T? Quantity<T>(string name, Func<double, T> create)
        where T : struct
    {
        if (Number(name) is not { } number)
        {
            return null;
        }

        try
        {
            return create(number);
        }
        catch (ArgumentOutOfRangeException)
        {
            // Every quantity accepts finite numbers; the only rejection left is a negative one.
            Problem(name, $"= {Format(number)} must not be negative");
            return null;
        }
    }

    /// <summary>A string, or null when absent.</summary>
    public string? String(string name)
    {
        if (Get(name) is not { } value || value.ValueKind == JsonValueKind.Null)
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

    /// <summary>One of <paramref name="allowed"/> (case-insensitive), or null when absent.</summary>
    public TEnum? Choice<TEnum>(string name, IReadOnlyDictionary<string, TEnum> allowed)
        where TEnum : struct
    {
        if (String(name) is not { } text)
        {
            return null;
        }

        if (allowed.TryGetValue(text.ToLowerInvariant(), out var choice))
        {
            return choice;
        }

        Problem(name, $"= \"{text}\" is not one of {string.Join(", ", allowed.Keys)}");
        return null;
    }

    /// <summary>Reports a problem for field <paramref name="name"/> of this object.</summary>
    public void Problem(string name, string message) => problems.Add($"{Join(name)} {message}");

    /// <summary>Reports every property that no read asked for, and duplicates.</summary>
    public void Finish()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                problems.Add($"{Join(property.Name)} appears more than once");
            }
            else if (!known.Contains(property.Name))
            {
                problems.Add($"{Join(property.Name)} is not a known field (known here: {string.Join(", ", known)})");
            }
        }
    }

    private JsonElement? Get(string name)
    {
        known.Add(name);
        return element.TryGetProperty(name, out var value) ? value : null;
    }

    private string Join(string name) => Path.Length == 0 ? name : Path + "." + name;

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{value.GetString()}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };

    private static string Format(double value) => value.ToString("G10", CultureInfo.InvariantCulture);
}
