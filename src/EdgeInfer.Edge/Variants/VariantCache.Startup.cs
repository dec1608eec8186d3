using EdgeInfer.Models.Repository;

namespace EdgeInfer.Edge.Variants;

/// <summary>The cache's start-up scan: what a crash, a full disk or a bad sector may have left.</summary>
public sealed partial class VariantCache
{
    /// <summary>The encodings a cached variant may hold besides its dense model.</summary>
    private static readonly string[] EncodingNames = [VariantStore.WireFileName, VariantStore.SparseOnnxFileName];

    /// <summary>
    /// Removes temporaries; files without a sidecar, or whose sidecar records another length (truncated); sidecars without a
    /// file; encodings (<c>.eiw</c>, <c>.sparse.onnx</c>) whose <c>model.onnx</c> is missing; and empty folders. The content
    /// hash is checked later, on each file's first serve. Returns the number of files removed.
    /// </summary>
    private int CleanAtStart()
    {
        var removed = 0;
        void Remove(string file)
        {
            DeleteQuietly(file);
            removed++;
        }

        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).ToList())
        {
            if (file.EndsWith(TempSuffix, StringComparison.Ordinal))
            {
                Remove(file);
            }
            else if (file.EndsWith(FileChecksum.Suffix, StringComparison.Ordinal))
            {
                if (!File.Exists(file[..^FileChecksum.Suffix.Length]))
                {
                    Remove(file);
                }
            }
            else if (FileChecksum.RecordedLength(file) != new FileInfo(file).Length)
            {
                Remove(file);
                if (File.Exists(FileChecksum.SidecarOf(file)))
                {
                    Remove(FileChecksum.SidecarOf(file));
                }
            }
        }

        foreach (var directory in Directory.EnumerateDirectories(Root, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length).ToList())
        {
            if (!File.Exists(Path.Combine(directory, ModelRepository.ModelFileName)))
            {
                foreach (var name in EncodingNames)
                {
                    var orphan = Path.Combine(directory, name);
                    if (File.Exists(orphan))
                    {
                        Remove(orphan);
                        DeleteQuietly(FileChecksum.SidecarOf(orphan));
                    }
                }
            }

            if (!Directory.EnumerateFileSystemEntries(directory).Any())
            {
                Directory.Delete(directory);
            }
            else
            {
                lastUse[directory] = 0;
            }
        }

        return removed;
    }
}
