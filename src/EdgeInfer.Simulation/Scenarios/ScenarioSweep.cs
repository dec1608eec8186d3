using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EdgeInfer.Core;

namespace EdgeInfer.Simulation.Scenarios;

/// <summary>
/// One swept field of a scenario file: a dotted JSON path with array indices (<c>devices.count</c>,
/// <c>edge.store.capacityBytes</c>, <c>applications[0].arrivals.ratePerSecond</c>) and the values it takes, written
/// <c>key=a:b:step</c> (linear a, a + step, … ≤ b; step &gt; 0), <c>key=a:b:xF</c> (geometric a, a·F, … ≤ b; F &gt; 1,
/// a &gt; 0) or <c>key=v1,v2,v3</c>. Sweeps patch the scenario's JSON text (<see cref="Apply"/>) before it is parsed, so
/// the parser judges every value and names the field it rejects. Range arithmetic is decimal, so
/// <c>10:10000:x10</c> gives exactly 10, 100, 1000, 10000 (integers stay integers). Pure.
/// </summary>
public sealed partial class ScenarioSweep
{
    /// <summary>Most values one sweep may take.</summary>
    public const int MaxValues = 10_000;

    /// <summary>Most points the cartesian product of several sweeps may have.</summary>
    public const int MaxPoints = 100_000;

    private ScenarioSweep(string spec, string key, IReadOnlyList<string> values)
    {
        Spec = spec;
        Key = key;
        Values = values;
    }

    /// <summary>The sweep as given, e.g. <c>devices.count=10:10000:x10</c>.</summary>
    public string Spec { get; }

    /// <summary>The JSON path, e.g. <c>devices.count</c>.</summary>
    public string Key { get; }

    /// <summary>
    /// The values in order, as JSON text of a number (<c>1000</c>, <c>0.25</c>), <c>true</c>/<c>false</c>, or a plain
    /// string (<c>fcfs</c>); <see cref="Apply"/> writes numbers and booleans as such and anything else as a JSON string.
    /// </summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>Parses <c>key=a:b:step</c>, <c>key=a:b:xF</c> or <c>key=v1,v2,…</c>.</summary>
    /// <exception cref="EdgeInferInputException">The text does not follow that syntax; the message quotes it and says why.</exception>
    public static ScenarioSweep Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var equals = spec.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            throw Bad(spec, "expected key=a:b:step, key=a:b:xF or key=v1,v2,... (e.g. devices.count=10:10000:x10)");
        }

        var key = spec[..equals].Trim();
        if (!KeyPattern().IsMatch(key))
        {
            throw Bad(spec, $"'{key}' is not a dotted JSON path such as devices.count or applications[0].arrivals.ratePerSecond");
        }

        var text = spec[(equals + 1)..].Trim();
        var values = text.Contains(':', StringComparison.Ordinal) ? Range(spec, text) : List(spec, text);
        return new ScenarioSweep(spec, key, values);
    }

    /// <summary>
    /// The cartesian product of <paramref name="sweeps"/>: every combination of their values as (key, value) settings,
    /// the first sweep outermost (the last one varies fastest). No sweeps: one point without settings.
    /// </summary>
    /// <exception cref="EdgeInferInputException">Two sweeps share a key, or the product exceeds <see cref="MaxPoints"/>.</exception>
    public static IReadOnlyList<IReadOnlyList<(string Key, string Value)>> Points(IReadOnlyList<ScenarioSweep> sweeps)
    {
        ArgumentNullException.ThrowIfNull(sweeps);
        var twice = sweeps.GroupBy(s => s.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new EdgeInferInputException($"sweep key '{twice.Key}' is given twice; give all its values in one sweep.");
        }

        var count = sweeps.Aggregate(1L, (n, s) => Math.Min(n * s.Values.Count, MaxPoints + 1L));
        if (count > MaxPoints)
        {
            throw new EdgeInferInputException($"the sweeps {string.Join(" × ", sweeps.Select(s => s.Values.Count))} make more than {MaxPoints} points.");
        }

        var points = new List<IReadOnlyList<(string, string)>> { Array.Empty<(string, string)>() };
        foreach (var sweep in sweeps)
        {
            points = [.. points.SelectMany(p => sweep.Values.Select(v => (IReadOnlyList<(string, string)>)[.. p, (sweep.Key, v)]))];
        }

        return points;
    }

    /// <summary>
    /// <paramref name="scenarioJson"/> with each setting written at its path: missing objects (and arrays, for an
    /// index) are created, an index may append one element, anything else on the way must already be an object or an
    /// array. Comments are allowed (and dropped). Returns indented JSON text; without settings the text is returned unchanged.
    /// </summary>
    /// <exception cref="EdgeInferInputException">The text is not a JSON object, or a path runs through a value of another kind.</exception>
    public static string Apply(string scenarioJson, IReadOnlyList<(string Key, string Value)> settings)
    {
        ArgumentNullException.ThrowIfNull(scenarioJson);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Count == 0)
        {
            return scenarioJson;
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(scenarioJson, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new EdgeInferInputException($"the scenario is not valid JSON, so it cannot be swept: {ex.Message}", ex);
        }

        if (root is not JsonObject)
        {
            throw new EdgeInferInputException("the scenario must be a JSON object to be swept.");
        }

        foreach (var (key, value) in settings)
        {
            Set(root, key, Node(value));
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static List<string> Range(string spec, string text)
    {
        var parts = text.Split(':', StringSplitOptions.TrimEntries);
        if (parts.Length != 3)
        {
            throw Bad(spec, $"a range has three parts a:b:step or a:b:xF, '{text}' has {parts.Length}");
        }

        var from = Number(spec, parts[0], "start");
        var to = Number(spec, parts[1], "end");
        if (to < from)
        {
            throw Bad(spec, $"the end {parts[1]} is below the start {parts[0]}");
        }

        var geometric = parts[2].StartsWith('x') || parts[2].StartsWith('X');
        var step = Number(spec, geometric ? parts[2][1..] : parts[2], geometric ? "factor" : "step");
        if (geometric && (step <= 1 || from <= 0))
        {
            throw Bad(spec, $"a geometric range needs a factor above 1 and a start above 0, got start {parts[0]} and factor {parts[2][1..]}");
        }

        if (!geometric && step <= 0)
        {
            throw Bad(spec, $"the step {parts[2]} must be above 0");
        }

        var values = new List<string>();
        try
        {
            for (var v = from; v <= to; v = geometric ? v * step : v + step)
            {
                if (values.Count == MaxValues)
                {
                    throw Bad(spec, $"more than {MaxValues} values");
                }

                values.Add(Format(v));
            }
        }
        catch (OverflowException)
        {
            // The next value exceeds decimal's range, so it is above the end as well.
        }

        return values;
    }

    private static List<string> List(string spec, string text)
    {
        var values = text.Split(',', StringSplitOptions.TrimEntries).ToList();
        if (values.Any(v => v.Length == 0))
        {
            throw Bad(spec, "a list needs values separated by single commas, e.g. 10,100,1000");
        }

        if (values.Count > MaxValues)
        {
            throw Bad(spec, $"more than {MaxValues} values");
        }

        return [.. values.Select(v => decimal.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? Format(d) : v)];
    }

    private static decimal Number(string spec, string text, string what) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Bad(spec, $"the {what} '{text}' is not a number");

    /// <summary>Shortest invariant text of <paramref name="value"/>: no trailing zeros, so 100.0 reads back as the integer 100.</summary>
    private static string Format(decimal value) => Normalized(value).ToString(CultureInfo.InvariantCulture);

    /// <summary><paramref name="value"/> with the smallest scale (dividing by 1.000… drops trailing zeros).</summary>
    private static decimal Normalized(decimal value) => value / 1.0000000000000000000000000000m;

    private static JsonValue Node(string value) =>
        value switch
        {
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            _ when decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(Normalized(d)),
            _ => JsonValue.Create(value),
        };

    /// <summary>Writes <paramref name="value"/> at <paramref name="key"/>, creating what is missing on the way.</summary>
    private static void Set(JsonNode root, string key, JsonNode value)
    {
        var steps = Steps(key);
        var node = root;
        for (var i = 0; i < steps.Count; i++)
        {
            var last = i == steps.Count - 1;
            var fresh = last ? value : steps[i + 1] is int ? new JsonArray() : (JsonNode)new JsonObject();
            var here = Path(steps, i);
            switch (steps[i])
            {
                case string name:
                    var obj = node as JsonObject ?? throw Kind(key, here, node, "an object");
                    if (last || obj[name] is null)
                    {
                        obj[name] = fresh;
                    }

                    node = obj[name]!;
                    break;
                case int index:
                    var array = node as JsonArray ?? throw Kind(key, here, node, "an array");
                    if (index > array.Count)
                    {
                        throw new EdgeInferInputException(
                            $"sweep key '{key}': {here} has {array.Count} element(s), so index {index} is out of range "
                                + $"(at most {array.Count}, which appends one).");
                    }

                    if (index == array.Count)
                    {
                        array.Add(fresh);
                    }
                    else if (last || array[index] is null)
                    {
                        array[index] = fresh;
                    }

                    node = array[index]!;
                    break;
            }
        }
    }

    private static List<object> Steps(string key)
    {
        var steps = new List<object>();
        foreach (Match part in StepPattern().Matches(key))
        {
            steps.Add(part.Groups["name"].Success ? part.Groups["name"].Value : int.Parse(part.Groups["index"].Value, CultureInfo.InvariantCulture));
        }

        return steps;
    }

    /// <summary>The path of the container that step <paramref name="count"/> reads from (the scenario's root for 0).</summary>
    private static string Path(List<object> steps, int count)
    {
        var text = string.Concat(steps.Take(count).Select((s, i) => s is int n ? $"[{n}]" : (i == 0 ? "" : ".") + s));
        return text.Length == 0 ? "the scenario's root" : $"'{text}'";
    }

    private static EdgeInferInputException Kind(string key, string here, JsonNode node, string needed) =>
        new($"sweep key '{key}': {here} is {Article(node.GetValueKind())} in the scenario, not {needed}.");

    private static string Article(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static EdgeInferInputException Bad(string spec, string problem) => new($"sweep '{spec}': {problem}.");

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\[[0-9]{1,9}\])*(\.[A-Za-z_][A-Za-z0-9_]*(\[[0-9]{1,9}\])*)*$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z0-9_]*)|\[(?<index>[0-9]+)\]")]
    private static partial Regex StepPattern();
}
