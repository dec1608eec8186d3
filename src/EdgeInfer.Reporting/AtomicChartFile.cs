namespace EdgeInfer.Reporting;

/// <summary>
/// Writes one chart file through a hidden temporary file in the same folder renamed into place, so an interrupted write
/// never leaves a partial picture. The writer receives a path, not a stream, because ScottPlot saves to paths; the
/// temporary name keeps the target's extension (<c>.name.&lt;guid&gt;.tmp.png</c>).
/// </summary>
internal static class AtomicChartFile
{
    /// <summary>Runs <paramref name="write"/> on a temporary path next to <paramref name="path"/>, then renames it over <paramref name="path"/>.</summary>
    public static void Write(string path, Action<string> write)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileNameWithoutExtension(path)}.{Guid.NewGuid():N}.tmp{Path.GetExtension(path)}");
        try
        {
            write(temp);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
