using EdgeInfer.Core;
using EdgeInfer.Core.Scenarios;
using EdgeInfer.Runtime.Profiles;

namespace EdgeInfer.Simulation.Scenarios;

/// <summary>
/// The files one parse of a cell scenario refers to, read through an <see cref="IScenarioFiles"/> (or reported as
/// problems when there is none): each failure becomes a problem naming the field that gave the path, and each profile
/// is read once however many fields name it.
/// </summary>
internal sealed class ScenarioFileReferences(IScenarioFiles? files)
{
    private readonly Dictionary<string, (ProfileDocument? Profile, string? Error)> profiles = new(StringComparer.Ordinal);

    /// <summary>The text of the file that field <paramref name="name"/> of <paramref name="section"/> names, or null after a problem.</summary>
    public string? Text(JsonSection section, string name, string path) =>
        Usable(section, name, path) ? Report(section, name, Read(path, files!.Text)) : null;

    /// <summary>The profile that field <paramref name="name"/> of <paramref name="section"/> names, or null after a problem.</summary>
    public ProfileDocument? Profile(JsonSection section, string name, string path)
    {
        if (!Usable(section, name, path))
        {
            return null;
        }

        if (!profiles.TryGetValue(path, out var entry))
        {
            entry = Read(path, files!.Profile);
            profiles[path] = entry;
        }

        return Report(section, name, entry);
    }

    /// <summary>Whether there is a reader and a path to read; otherwise reports why not.</summary>
    private bool Usable(JsonSection section, string name, string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            section.Problem(name, "must name a file (a path relative to the scenario file's folder)");
            return false;
        }

        if (files is null)
        {
            section.Problem(name, $"= \"{path}\" refers to a file, which needs a file reader (this parse was given none)");
            return false;
        }

        return true;
    }

    private static (T? Value, string? Error) Read<T>(string path, Func<string, T> read)
        where T : class
    {
        try
        {
            return (read(path), null);
        }
        catch (Exception ex) when (ex is EdgeInferInputException or IOException or UnauthorizedAccessException)
        {
            return (null, $"= \"{path}\" could not be read: {ex.Message.TrimEnd('.')}");
        }
    }

    private static T? Report<T>(JsonSection section, string name, (T? Value, string? Error) result)
        where T : class
    {
        if (result.Error is { } error)
        {
            section.Problem(name, error);
        }

        return result.Value;
    }
}
