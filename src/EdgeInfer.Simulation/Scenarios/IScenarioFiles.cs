using EdgeInfer.Runtime.Profiles;

namespace EdgeInfer.Simulation.Scenarios;

/// <summary>
/// Reads the files a cell scenario refers to (measured profiles, CSV traces), so that <see cref="CellScenarioJson"/>
/// stays pure. The CLI implements it, resolving each path against the folder of the scenario file; tests read real files.
/// </summary>
/// <remarks>
/// A failure is reported by throwing: <see cref="Core.EdgeInferInputException"/> (e.g. from <see cref="ProfileFile.Read"/>),
/// <see cref="IOException"/> (a missing file) or <see cref="UnauthorizedAccessException"/>; the parser turns each into a
/// problem naming the field that gave the path.
/// </remarks>
public interface IScenarioFiles
{
    /// <summary>The measured profile at <paramref name="path"/> (as written in the scenario file).</summary>
    ProfileDocument Profile(string path);

    /// <summary>The whole text of the file at <paramref name="path"/> (as written in the scenario file).</summary>
    string Text(string path);
}
