using EdgeInfer.Core;

namespace EdgeInfer.Cli.Commands.Simulation;

/// <summary>
/// The output folder of one <c>simulate</c>: created on <see cref="Open"/> (default <c>results/simulate-&lt;UTC time&gt;</c>),
/// and on failure <see cref="Discard"/>ed: the files this run wrote are deleted, and the folder too when this run created
/// it, so a failed run leaves nothing behind. Every file is written atomically, so none is ever partial.
/// </summary>
internal sealed class SimulateOutput
{
    private readonly bool created;

    private SimulateOutput(string folder, bool created)
    {
        Folder = folder;
        this.created = created;
    }

    /// <summary>The folder's full path.</summary>
    public string Folder { get; }

    /// <summary>Opens <paramref name="requested"/>, or a new <c>results/simulate-&lt;time&gt;</c> under the current folder.</summary>
    /// <exception cref="EdgeInferInputException">The path is an existing file.</exception>
    public static SimulateOutput Open(string? requested, DateTimeOffset now)
    {
        var folder = Path.GetFullPath(requested ?? Path.Combine("results", $"simulate-{now.UtcDateTime:yyyyMMdd-HHmmss}"));
        if (requested is null)
        {
            for (var n = 2; Directory.Exists(folder) || File.Exists(folder); n++)
            {
                folder = Path.GetFullPath(Path.Combine("results", $"simulate-{now.UtcDateTime:yyyyMMdd-HHmmss}-{n}"));
            }
        }

        if (File.Exists(folder))
        {
            throw new EdgeInferInputException($"--output '{requested}' is a file; give a folder.");
        }

        var created = !Directory.Exists(folder);
        Directory.CreateDirectory(folder);
        return new SimulateOutput(folder, created);
    }

    /// <summary>Deletes <paramref name="written"/> (those that exist), then the folder if this run created it.</summary>
    public void Discard(IEnumerable<string> written)
    {
        foreach (var file in written.Where(File.Exists))
        {
            File.Delete(file);
        }

        if (created && Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
