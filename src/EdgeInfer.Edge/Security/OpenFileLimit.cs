using System.Globalization;

namespace EdgeInfer.Edge.Security;

/// <summary>The process's open-file (descriptor) limit, which bounds the connections it can hold: every socket is one.</summary>
public static class OpenFileLimit
{
    /// <summary>The soft limit (<c>ulimit -Sn</c>) as the process sees it, from <c>/proc/self/limits</c>; null where unknown or unlimited.</summary>
    public static long? Soft()
    {
        try
        {
            return File.Exists("/proc/self/limits") ? Parse(File.ReadAllLines("/proc/self/limits")) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The soft limit in the lines of <c>/proc/self/limits</c> (<c>Max open files  SOFT  HARD  files</c>).</summary>
    internal static long? Parse(IEnumerable<string> lines)
    {
        const string Prefix = "Max open files";
        var line = lines.FirstOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        var fields = line?[Prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields is { Length: > 0 } && long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var soft) ? soft : null;
    }
}
