namespace EdgeInfer.Edge.Variants;

/// <summary>A complete file in the <see cref="VariantCache"/> (or the repository) that can be served.</summary>
/// <param name="Path">Absolute path.</param>
/// <param name="Length">Size in bytes.</param>
/// <param name="ETag">Strong entity tag (quoted), stable while the file is unchanged.</param>
/// <param name="Created">True when this request made the file (a cache miss); false when it was there.</param>
/// <param name="BuildSeconds">Seconds spent making it in this request (prune or encode); 0 on a hit.</param>
public sealed record CachedFile(string Path, long Length, string ETag, bool Created, double BuildSeconds)
{
    /// <summary>Describes an existing file.</summary>
    public static CachedFile Of(string path, bool created = false, double buildSeconds = 0)
    {
        var info = new FileInfo(path);
        var tag = FormattableString.Invariant($"\"{info.Length:x}-{info.LastWriteTimeUtc.Ticks:x}\"");
        return new CachedFile(info.FullName, info.Length, tag, created, buildSeconds);
    }
}
