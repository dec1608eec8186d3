using System.Text.Json;
using System.Text.Json.Serialization;
using EdgeInfer.Core;

namespace EdgeInfer.Runtime.Profiles;

/// <summary>Reads and writes profile files (JSON, camelCase). Writes are atomic: a temporary file in the same folder, then a rename.</summary>
public static class ProfileFile
{
    /// <summary>The JSON style of profile files; unknown fields are rejected when reading.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    /// <summary>
    /// Writes <paramref name="profile"/> to <paramref name="path"/> atomically (temp file + rename); an existing file
    /// is replaced only on success.
    /// </summary>
    public static void Write(string path, ProfileDocument profile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                JsonSerializer.Serialize(stream, profile, JsonOptions);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>
    /// Reads a profile; a missing file, bad JSON, an unknown field or another schema version is an
    /// <see cref="EdgeInferInputException"/> naming the file.
    /// </summary>
    public static ProfileDocument Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new EdgeInferInputException($"Profile file '{path}' does not exist.");
        }

        ProfileDocument? profile;
        try
        {
            using var stream = File.OpenRead(path);
            profile = JsonSerializer.Deserialize<ProfileDocument>(stream, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new EdgeInferInputException($"Profile file '{path}' is not a valid profile: {ex.Message}", ex);
        }

        if (profile is null)
        {
            throw new EdgeInferInputException($"Profile file '{path}' is empty (null).");
        }

        if (profile.SchemaVersion != ProfileDocument.CurrentSchemaVersion)
        {
            throw new EdgeInferInputException(
                $"Profile file '{path}' has schemaVersion {profile.SchemaVersion}; this edgeinfer reads {ProfileDocument.CurrentSchemaVersion}.");
        }

        return profile;
    }

    /// <summary>Reads a profile that must be complete (<see cref="ProfileDocument.Complete"/>).</summary>
    public static ProfileDocument ReadComplete(string path)
    {
        var profile = Read(path);
        if (!profile.Complete)
        {
            throw new EdgeInferInputException($"Profile file '{path}' is marked incomplete (\"complete\": false); measure it again.");
        }

        return profile;
    }
}
