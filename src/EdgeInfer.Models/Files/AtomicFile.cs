namespace EdgeInfer.Models.Files;

/// <summary>
/// Writes a file so that readers see either the old file or the complete new one, never a partial one: the content goes
/// to a hidden temporary file in the same folder (same volume), which is then renamed over the target. If the writer
/// throws, the temporary file is deleted and the target is untouched.
/// </summary>
public static class AtomicFile
{
    /// <summary>Suffix of temporary files (<c>.name.&lt;guid&gt;.tmp</c>); anything matching is an abandoned write.</summary>
    public const string TempSuffix = ".tmp";

    private const int BufferSize = 1 << 20;

    /// <summary>
    /// Writes <paramref name="path"/> through <paramref name="write"/>; returns the final size in bytes.
    /// <paramref name="beforeCommit"/> runs after the content is complete and just before the rename (e.g. to hide a
    /// companion file that describes the old content).
    /// </summary>
    public static long Write(string path, Action<Stream> write, Action? beforeCommit = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            long length;
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize))
            {
                write(stream);
                stream.Flush();
                length = stream.Length;
            }

            beforeCommit?.Invoke();
            File.Move(temp, full, overwrite: true);
            return length;
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically.</summary>
    public static long WriteAllBytes(string path, byte[] bytes) => Write(path, s => s.Write(bytes));

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no byte-order mark) to <paramref name="path"/> atomically.</summary>
    public static long WriteAllText(string path, string text) => WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>Deletes <paramref name="path"/> if it exists, ignoring I/O failures (best-effort cleanup).</summary>
    internal static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
