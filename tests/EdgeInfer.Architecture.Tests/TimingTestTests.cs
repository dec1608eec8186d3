using System.Text.RegularExpressions;

namespace EdgeInfer.Architecture.Tests;

/// <summary>
/// Timing tests (trait <c>Category=Timing</c>: wall-clock ratios or sleeps on a shared CPU) are explicit, so the plain
/// <c>dotnet test</c> does not run them and <c>.ci/run</c> runs them in a step of their own. Measurements (trait
/// <c>Category=Measurement</c>: minutes-long runs that print a table for the docs) are explicit too, and CI never runs them.
/// </summary>
public sealed partial class TimingTestTests
{
    [Fact]
    public void TimingTests_AreExplicit()
    {
        var notExplicit = new List<string>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "tests"), "*.cs", SearchOption.AllDirectories))
        {
            if (RepositoryFiles.IsBuildOutput(path))
            {
                continue;
            }

            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                if (TimingTrait().IsMatch(lines[i]) && !AttributesAround(lines, i).Any(a => a.Contains("Explicit = true", StringComparison.Ordinal)))
                {
                    notExplicit.Add($"{RepositoryFiles.Relative(path)}:{i + 1}");
                }
            }
        }

        Assert.True(notExplicit.Count == 0, "timing tests without Explicit = true: " + string.Join(", ", notExplicit));
    }

    /// <summary>The attribute lines of the member whose attribute is on line <paramref name="index"/>.</summary>
    private static IEnumerable<string> AttributesAround(string[] lines, int index)
    {
        static bool IsAttribute(string line) => line.TrimStart().StartsWith('[');
        var first = index;
        while (first > 0 && IsAttribute(lines[first - 1]))
        {
            first--;
        }

        return lines.Skip(first).TakeWhile(IsAttribute);
    }

    [GeneratedRegex("""\[Trait\(\s*"Category"\s*,\s*"(Timing|Measurement)"\s*\)\]""")]
    private static partial Regex TimingTrait();
}
