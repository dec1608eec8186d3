namespace EdgeInfer.Architecture.Tests;

/// <summary>The repository these tests check: its root (the folder holding <c>EdgeInfer.slnx</c>) and its source files.</summary>
internal static class RepositoryFiles
{
    private static readonly string[] SourceFolders = ["src", "tests", "bench", "fuzz"];

    /// <summary>The repository root, found above the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The C# files under <c>src/</c>, <c>tests/</c>, <c>bench/</c> and <c>fuzz/</c>, build outputs excluded.</summary>
    public static IEnumerable<string> SourceTestAndBenchFiles() =>
        SourceFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(path => !IsBuildOutput(path))
            .Order(StringComparer.Ordinal);

    /// <summary>Path relative to the root, with forward slashes, for messages.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    /// <summary>True for files under a <c>bin</c> or <c>obj</c> folder.</summary>
    public static bool IsBuildOutput(string path)
    {
        var parts = Relative(path).Split('/');
        return parts.Contains("bin") || parts.Contains("obj");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EdgeInfer.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EdgeInfer.slnx not found above " + AppContext.BaseDirectory);
    }
}
