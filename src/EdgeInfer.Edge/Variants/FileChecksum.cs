using System.Globalization;
using System.IO.Hashing;

namespace EdgeInfer.Edge.Variants;

/// <summary>
/// The checksum sidecar of a cached file: <c>&lt;file&gt;.sum</c> holds its length and XxHash3-64 (<c>"&lt;length&gt; &lt;hash hex&gt;"</c>).
/// The cache writes it before it renames the file into place, checks the length at start-up and the hash on a file's
/// first serve after start, and drops a file whose sidecar is missing or disagrees (it is built again on its next request).
/// </summary>
public static class FileChecksum
{
    /// <summary>Suffix of a sidecar.</summary>
    public const string Suffix = ".sum";

    /// <summary>The sidecar path of <paramref name="file"/>.</summary>
    public static string SidecarOf(string file) => file + Suffix;

    /// <summary>The sidecar text of <paramref name="file"/>: its length and hash.</summary>
    public static string Compute(string file)
    {
        var hash = new XxHash3();
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 20, FileOptions.SequentialScan);
        hash.Append(stream);
        return string.Create(CultureInfo.InvariantCulture, $"{stream.Length} {hash.GetCurrentHashAsUInt64():x16}");
    }

    /// <summary>The length a sidecar records, or null when it is missing or unreadable.</summary>
    public static long? RecordedLength(string file)
    {
        var text = Read(file);
        var space = text?.IndexOf(' ', StringComparison.Ordinal) ?? -1;
        return space > 0 && long.TryParse(text.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length : null;
    }

    /// <summary>True when <paramref name="file"/> has a sidecar that matches its length and content.</summary>
    public static bool Verify(string file)
    {
        var recorded = Read(file);
        if (recorded is null || RecordedLength(file) != new FileInfo(file).Length)
        {
            return false;
        }

        try
        {
            return string.Equals(recorded, Compute(file), StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string? Read(string file)
    {
        try
        {
            var sidecar = SidecarOf(file);
            return File.Exists(sidecar) ? File.ReadAllText(sidecar).Trim() : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
