using EdgeInfer.Runtime.Profiles;
using EdgeInfer.Simulation.Scenarios;

namespace EdgeInfer.Simulation.Tests.Scenarios;

/// <summary>
/// Reads a scenario's files as the CLI does: each path relative to one folder (the scenario file's), profiles through
/// Runtime's <see cref="ProfileFile"/>. Also finds the repository's examples (the folder above holding EdgeInfer.slnx).
/// </summary>
internal sealed class FolderScenarioFiles(string folder) : IScenarioFiles
{
    /// <summary>The repository's <c>examples</c> folder.</summary>
    public static string Examples { get; } = Path.Combine(FindRoot(), "examples");

    /// <summary>The repository root.</summary>
    public static string Root => Path.GetDirectoryName(Examples)!;

    public ProfileDocument Profile(string path) => ProfileFile.ReadComplete(Path.Combine(folder, path));

    public string Text(string path) => File.ReadAllText(Path.Combine(folder, path));

    /// <summary>Parses the example <paramref name="name"/> with its files read beside it.</summary>
    public static CellScenario ParseExample(string name) =>
        CellScenarioJson.Parse(File.ReadAllText(Path.Combine(Examples, name)), new FolderScenarioFiles(Examples));

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
