using System.Reflection;
using EdgeInfer.Cli.Infrastructure;

namespace EdgeInfer.Cli.Tests;

/// <summary>
/// One name per meaning: no two public types of the EdgeInfer assemblies share a simple name, so a name met in one
/// project never means something else in another. The CLI references every library, so all of them are reachable from it.
/// </summary>
public sealed class PublicTypeNameTests
{
    /// <summary>Names deliberately shared, each with its reason. Empty: there are none.</summary>
    private static readonly Dictionary<string, string> IntendedDuplicates = new(StringComparer.Ordinal);

    /// <summary>
    /// Duplicates another change of the same issue removes, each with that change. The test fails once one of them is no
    /// longer a duplicate, so that its entry is deleted here and the rule holds without exceptions. Empty: VariantSpec,
    /// the last one, became Pruning.Variants.ModelVariant.
    /// </summary>
    private static readonly Dictionary<string, string> PendingRemoval = new(StringComparer.Ordinal);

    [Fact]
    public void PublicTypes_AcrossEdgeInferAssemblies_HaveDistinctSimpleNames()
    {
        var assemblies = EdgeInferAssemblies();
        var shared = assemblies
            .SelectMany(a => a.GetExportedTypes())
            .GroupBy(t => t.Name, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .ToList();
        var duplicates = shared
            .Where(g => !IntendedDuplicates.ContainsKey(g.Key) && !PendingRemoval.ContainsKey(g.Key))
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => t.FullName).Order(StringComparer.Ordinal))}")
            .Order(StringComparer.Ordinal)
            .ToList();
        var removed = PendingRemoval.Keys.Where(name => !shared.Any(g => g.Key == name)).ToList();

        Assert.True(assemblies.Count >= 10, $"expected every EdgeInfer library, found {string.Join(", ", assemblies.Select(a => a.GetName().Name))}");
        Assert.True(duplicates.Count == 0, "Public type names used twice:\n" + string.Join("\n", duplicates));
        Assert.True(removed.Count == 0, "No longer duplicated, delete from PendingRemoval: " + string.Join(", ", removed));
    }

    /// <summary>The CLI's assembly and every EdgeInfer assembly it references, directly or not.</summary>
    private static List<Assembly> EdgeInferAssemblies()
    {
        var found = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([typeof(CliApp).Assembly]);
        while (pending.TryPop(out var assembly))
        {
            if (!found.TryAdd(assembly.GetName().Name!, assembly))
            {
                continue;
            }

            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name!.StartsWith("EdgeInfer.", StringComparison.Ordinal) && !found.ContainsKey(reference.Name))
                {
                    pending.Push(Assembly.Load(reference));
                }
            }
        }

        return [.. found.Values];
    }
}
