using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace EdgeInfer.Core.Scenarios;

/// <summary>
/// A strict view of one JSON object: typed reads by name, problems collected with their JSON path,
/// and <see cref="Finish"/> reporting every field nobody read (unknown) or that appears twice.
/// Used by the scenario format (<see cref="ScenarioJson"/>) and by other strict config readers (the study config).
/// </summary>
/// <remarks>
/// Every read marks its field as known, returns null when the field is absent or JSON <c>null</c>, and adds a problem
/// naming the field (with its path, e.g. <c>radio.distanceMeters</c>) when the value has the wrong kind. Nothing throws:
/// the caller collects all problems and reports them in one message.
/// </remarks>
public sealed partial class JsonSection
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

    /// <summary>A view of the root object <paramref name="element"/>; problems are appended to <paramref name="problems"/>.</summary>
    public static JsonSection Root(JsonElement element, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return new(element, "", problems);
    }

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

    /// <summary>The raw value, or null when absent or <c>null</c> (for a caller that reads it another way).</summary>
    public JsonElement? Element(string name) => Get(name) is { ValueKind: not JsonValueKind.Null } value ? value : null;

    /// <summary>Whether the field is present and JSON <c>null</c> (e.g. to clear an optional setting).</summary>
    public bool IsExplicitNull(string name) => Get(name) is { ValueKind: JsonValueKind.Null };

    /// <summary>A finite number, or null when absent or <c>null</c>.</summary>
    public double? Number(string name) => Element(name) is { } value ? AsNumber(name, value) : null;

    /// <summary>A whole number in the range of <see cref="int"/> (counts), or null when absent.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name",
        Justification = "Named after the JSON value it reads, as JsonElement.GetString and GetInt32 are; C# only, so no keyword clash.")]
    public int? Int32(string name) => Element(name) is { } value ? AsInt32(name, value) : null;

    /// <summary>A whole number (e.g. bytes, elements), or null when absent.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name",
        Justification = "Named after the JSON value it reads, as JsonElement.GetString and GetInt32 are; C# only, so no keyword clash.")]
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
    [SuppressMessage("Naming", "CA1720:Identifier contains type name",
        Justification = "Named after the JSON value it reads, as JsonElement.GetString and GetInt32 are; C# only, so no keyword clash.")]
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

    /// <summary>A JSON value's kind as the problems name it (e.g. <c>the string "x"</c>, <c>an array</c>).</summary>
    public static string Kind(JsonElement value) => value.ValueKind switch
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
