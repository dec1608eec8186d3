using EdgeInfer.Simulation.Scenarios;

namespace EdgeInfer.Simulation.Tests.Scenarios;

/// <summary>A temporary folder of real files a scenario refers to, removed on dispose.</summary>
internal sealed class TemporaryScenarioFolder : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("edgeinfer-cell-scenario-");

    /// <summary>Reads files relative to this folder.</summary>
    public IScenarioFiles Files => new FolderScenarioFiles(folder.FullName);

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> in the folder.</summary>
    public TemporaryScenarioFolder With(string name, string text)
    {
        File.WriteAllText(Path.Combine(folder.FullName, name), text);
        return this;
    }

    /// <summary>Copies the example profile into the folder as <paramref name="name"/>.</summary>
    public TemporaryScenarioFolder WithExampleProfile(string name) =>
        With(name, File.ReadAllText(Path.Combine(FolderScenarioFiles.Examples, "profiles", "paper-2core.json")));

    public void Dispose() => folder.Delete(recursive: true);
}
