using System.Text;
using EdgeInfer.Core;
using EdgeInfer.Runtime.Profiles;
using EdgeInfer.Simulation.Scenarios;

namespace EdgeInfer.Fuzz.Targets;

/// <summary>
/// The cell scenario file (<c>simulate</c>). Files it names are served from memory: a text file's content is its
/// path as written (so the fuzzer also writes the CSV traces), and a profile is refused with an
/// <see cref="IOException"/>, as for a missing file. Contract: any problem is an <see cref="EdgeInferInputException"/>.
/// </summary>
public static class ScenarioTarget
{
    /// <summary>Parses <paramref name="input"/> (UTF-8) as a cell scenario.</summary>
    public static void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            CellScenarioJson.Parse(Encoding.UTF8.GetString(input), InMemoryFiles.Instance);
        }
        catch (EdgeInferInputException)
        {
        }
    }

    private sealed class InMemoryFiles : IScenarioFiles
    {
        public static readonly InMemoryFiles Instance = new();

        public ProfileDocument Profile(string path) => throw new FileNotFoundException("no profiles while fuzzing", path);

        public string Text(string path) => path;
    }
}
