using System.Text.RegularExpressions;

namespace EdgeInfer.Architecture.Tests;

/// <summary>
/// The order of using directives in every C# file of the repository, which no analyzer in the build checks (IDE0055
/// leaves it alone): namespaces first, <c>System</c> ones ahead of the rest, each run alphabetical; then <c>using static</c>;
/// then aliases. It is the order the IDE's "sort usings" produces with <c>dotnet_sort_system_directives_first</c>.
/// </summary>
public sealed partial class UsingDirectiveOrderTests
{
    private static readonly string[] SourceFolders = ["src", "tests", "bench", "fuzz"];

    [Fact]
    public void UsingDirectives_EverySourceFile_AreSorted()
    {
        var files = SourceFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(path => !RepositoryFiles.IsBuildOutput(path))
            .ToList();
        var unsorted = files.Where(path => !IsSorted(LeadingUsings(File.ReadLines(path)))).Select(RepositoryFiles.Relative);

        Assert.True(files.Count > 100, $"found {files.Count} source files under {RepositoryFiles.Root}");
        Assert.Empty(unsorted);
    }

    [Theory]
    [InlineData("using System;|using System.IO;|using EdgeInfer.Core;|using Onnx;", true)]
    [InlineData("using EdgeInfer.Core;|using EdgeInfer.Core.Quantities;|using static EdgeInfer.Core.Preconditions;|using Alias = Onnx.ModelProto;", true)]
    [InlineData("using EdgeInfer.Core;|using System;", false)]
    [InlineData("using EdgeInfer.Pruning.Wire;|using EdgeInfer.Pruning.Variants;", false)]
    [InlineData("using Alias = Onnx.ModelProto;|using Onnx;", false)]
    public void IsSorted_Examples_FollowTheHouseOrder(string lines, bool sorted) =>
        Assert.Equal(sorted, IsSorted(LeadingUsings(lines.Split('|'))));

    /// <summary>The using directives before the first line that is neither blank, a comment nor a using (the namespace).</summary>
    private static List<Match> LeadingUsings(IEnumerable<string> lines) =>
        lines.Select(line => line.Trim())
            .TakeWhile(line => line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal) || line.StartsWith("using ", StringComparison.Ordinal))
            .Select(line => UsingDirective().Match(line))
            .Where(match => match.Success)
            .ToList();

    private static bool IsSorted(List<Match> usings)
    {
        var keys = usings.Select(SortKey).ToList();
        return keys.Zip(keys.Skip(1)).All(pair => Compare(pair.First, pair.Second) <= 0);
    }

    private static (int Group, int System, string Name) SortKey(Match directive)
    {
        var name = directive.Groups["name"].Value;
        var alias = directive.Groups["alias"].Success;
        var group = alias ? 2 : directive.Groups["static"].Success ? 1 : 0;
        var system = !alias && (name == "System" || name.StartsWith("System.", StringComparison.Ordinal)) ? 0 : 1;
        return (group, system, name);
    }

    private static int Compare((int Group, int System, string Name) a, (int Group, int System, string Name) b) =>
        a.Group != b.Group ? a.Group.CompareTo(b.Group)
        : a.System != b.System ? a.System.CompareTo(b.System)
        : StringComparer.OrdinalIgnoreCase.Compare(a.Name, b.Name);

    /// <summary><c>using [static] Name;</c> or <c>using Alias = Name;</c>; the alias, when there is one, is the sort name.</summary>
    [GeneratedRegex(@"^using (?:(?<static>static )(?<name>[\w.]+)|(?<name>\w+)(?<alias> = )[\w.]+|(?<name>[\w.]+));$")]
    private static partial Regex UsingDirective();
}
