using System.Xml.Linq;

namespace EdgeInfer.Architecture.Tests;

/// <summary>The <c>&lt;ProjectReference&gt;</c>s of every <c>src/*/*.csproj</c>, by short project name (without <c>EdgeInfer.</c>).</summary>
internal static class ProjectReferences
{
    private const string Prefix = "EdgeInfer.";

    /// <summary>Each source project and the projects it references.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Read()
    {
        var projects = Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(path => !RepositoryFiles.IsBuildOutput(path));
        return projects.ToDictionary(ShortName, References, StringComparer.Ordinal);
    }

    private static IReadOnlyList<string> References(string project) =>
    [
        .. XDocument.Load(project).Descendants("ProjectReference")
            .Select(r => (string?)r.Attribute("Include")
                ?? throw new FormatException($"{RepositoryFiles.Relative(project)}: a ProjectReference without Include."))
            .Select(include => ShortName(include.Replace('\\', '/'))),
    ];

    private static string ShortName(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        return name.StartsWith(Prefix, StringComparison.Ordinal) ? name[Prefix.Length..] : name;
    }
}
