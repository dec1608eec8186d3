using System.Collections.Concurrent;
using EdgeInfer.Runtime.Profiles;
using EdgeInfer.Simulation.Scenarios;

namespace EdgeInfer.Cli.Commands.Simulation;

/// <summary>
/// The files a cell scenario names, read with paths relative to the scenario file's folder (absolute paths as they are).
/// Profiles are read once (through Runtime's <see cref="ProfileFile"/>) however many sweep points parse the scenario.
/// </summary>
internal sealed class ScenarioFolderFiles(string folder) : IScenarioFiles
{
    private readonly ConcurrentDictionary<string, ProfileDocument> profiles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> texts = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ProfileDocument Profile(string path) => profiles.GetOrAdd(Resolve(path), ProfileFile.Read);

    /// <inheritdoc />
    public string Text(string path) => texts.GetOrAdd(Resolve(path), File.ReadAllText);

    private string Resolve(string path) => Path.GetFullPath(path, folder);
}
