using System.Text.Json;

namespace EdgeInfer.Core.Scenarios;

/// <summary>Array reads and the element-level checks they share with the scalar reads.</summary>
public sealed partial class JsonSection
{
    /// <summary>An array of finite numbers, or null when absent or when any item is wrong (each wrong item is reported as <c>name[i]</c>).</summary>
    public IReadOnlyList<double>? Numbers(string name) => Array(name, (item, v) => AsNumber(item, v) is { } n ? (true, n) : (false, 0.0));

    /// <summary>An array of whole numbers in the range of <see cref="int"/>, or null when absent or when any item is wrong.</summary>
    public IReadOnlyList<int>? Int32s(string name) => Array(name, (item, v) => AsInt32(item, v) is { } n ? (true, n) : (false, 0));

    /// <summary>An array of strings, or null when absent or when any item is wrong.</summary>
    public IReadOnlyList<string>? Strings(string name) => Array(name, (item, v) =>
    {
        if (v.ValueKind == JsonValueKind.String)
        {
            return (true, v.GetString()!);
        }

        Problem(item, $"must be a string, got {Kind(v)}");
        return (false, "");
    });

    private List<T>? Array<T>(string name, Func<string, JsonElement, (bool Ok, T Value)> read)
    {
        if (Element(name) is not { } value)
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
            var (valid, itemValue) = read($"{name}[{index++}]", item);
            if (valid)
            {
                items.Add(itemValue);
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

    private int? AsInt32(string name, JsonElement value)
    {
        if (AsNumber(name, value) is not { } number)
        {
            return null;
        }

        if (Math.Floor(number) != number || Math.Abs(number) > int.MaxValue)
        {
            Problem(name, $"= {Format(number)} must be a whole number");
            return null;
        }

        return (int)number;
    }
}
