using System.Text.Json;
using EdgeInfer.Core.Scenarios;

namespace EdgeInfer.Simulation.Scenarios;

/// <summary>Objects, arrays of objects and pairs: the shapes of the cell scenario that Core's <see cref="JsonSection"/> has no read for.</summary>
public static partial class CellScenarioJson
{
    /// <summary>
    /// The section <paramref name="name"/> read by <paramref name="read"/> over <paramref name="defaults"/> (then checked
    /// for unknown fields), or the defaults when the section is absent.
    /// </summary>
    private static T Section<T>(JsonSection parent, string name, T defaults, Func<JsonSection, T, T> read)
    {
        if (parent.Section(name) is not { } section)
        {
            return defaults;
        }

        var value = read(section, defaults);
        section.Finish();
        return value;
    }

    /// <summary>
    /// The items of the array of objects <paramref name="name"/>, each read by <paramref name="read"/> (given the item and
    /// its index; null: skip it, its problems are reported) and checked for unknown fields; null when absent or not an
    /// array. Each item is read as a root section of its own and its problems are re-addressed under <c>name[i]</c>.
    /// </summary>
    private static List<T>? Objects<T>(JsonSection parent, string name, Func<JsonSection, int, T?> read)
        where T : class
    {
        if (parent.Element(name) is not { } array)
        {
            return null;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            parent.Problem(name, $"must be an array of objects, got {JsonSection.Kind(array)}");
            return null;
        }

        var items = new List<T>();
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var path = $"{name}[{index}]";
            if (element.ValueKind != JsonValueKind.Object)
            {
                parent.Problem(path, $"must be a JSON object, got {JsonSection.Kind(element)}");
            }
            else
            {
                var problems = new List<string>();
                var item = JsonSection.Root(element, problems);
                var value = read(item, index);
                item.Finish();
                foreach (var problem in problems)
                {
                    // A problem reads "<path within the item> <message>"; paths hold no spaces.
                    var space = problem.IndexOf(' ', StringComparison.Ordinal);
                    parent.Problem($"{path}.{problem[..space]}", problem[(space + 1)..]);
                }

                if (value is not null)
                {
                    items.Add(value);
                }
            }

            index++;
        }

        return items;
    }

    /// <summary>Reports field <paramref name="name"/> as required when it is absent or <c>null</c>; true when it is there.</summary>
    private static bool Require(JsonSection section, string name, string why)
    {
        if (section.Element(name) is not null)
        {
            return true;
        }

        section.Problem(name, $"is required ({why})");
        return false;
    }
}
