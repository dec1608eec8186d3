namespace EdgeInfer.Edge.Variants;

/// <summary>
/// Where one cache build writes: <see cref="Output"/>, a temporary for the main file, and a temporary for each companion
/// file (<see cref="Companion"/>: the wire form a prune writes in the same pass). The cache commits the main file first and
/// the companions after it, each with its checksum sidecar, so a companion is never in place without its main file.
/// </summary>
public sealed class BuildTarget
{
    private readonly List<(string Temporary, string Final)> files = [];

    internal BuildTarget(string path)
    {
        Path = path;
        Output = Temporary(path);
        files.Add((Output, path));
    }

    /// <summary>The final path of the main file.</summary>
    public string Path { get; }

    /// <summary>The temporary the build writes the main file to.</summary>
    public string Output { get; }

    /// <summary>The temporary a companion of final path <paramref name="finalPath"/> is written to.</summary>
    public string Companion(string finalPath)
    {
        var temporary = Temporary(finalPath);
        files.Add((temporary, finalPath));
        return temporary;
    }

    /// <summary>Every (temporary, final) pair, the main file first.</summary>
    internal IReadOnlyList<(string Temporary, string Final)> Files => files;

    /// <summary>A new temporary name next to <paramref name="path"/> (removed at start-up if a crash leaves it).</summary>
    internal static string Temporary(string path) => $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}{VariantCache.TempSuffix}";
}
