using System.Text.RegularExpressions;

namespace EdgeInfer.Architecture.Tests;

/// <summary>
/// Paths into the NuGet package folder must not glue <c>$(NuGetPackageRoot)</c> to a relative path: when
/// <c>NUGET_PACKAGES</c> is set without a trailing slash (common on CI) the property has none, and the build looks for
/// <c>…/packagesmicrosoft.ml…</c> (MSB3030). Use <c>$([MSBuild]::EnsureTrailingSlash('$(NuGetPackageRoot)'))</c>.
/// </summary>
public sealed partial class PackagePathTests
{
    private static readonly string[] ProjectFolders = ["src", "tests", "bench"];

    [Fact]
    public void ProjectFiles_NeverAppendToNuGetPackageRootDirectly()
    {
        var offenders = ProjectFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, folder), "*.csproj", SearchOption.AllDirectories))
            .Append(Path.Combine(RepositoryFiles.Root, "Directory.Build.props"))
            .Where(path => File.Exists(path) && !RepositoryFiles.IsBuildOutput(path))
            .SelectMany(path => File.ReadLines(path).Select((line, i) => (Path: path, Number: i + 1, Line: line)))
            .Where(l => GluedToPackageRoot().IsMatch(l.Line))
            .Select(l => $"{RepositoryFiles.Relative(l.Path)}:{l.Number}")
            .ToList();

        Assert.True(offenders.Count == 0, "$(NuGetPackageRoot) followed directly by a path: " + string.Join(", ", offenders));
    }

    /// <summary>The property followed by anything but the end of an expression (a quote or a parenthesis).</summary>
    [GeneratedRegex(@"\$\(NuGetPackageRoot\)[^'"")]")]
    private static partial Regex GluedToPackageRoot();
}
