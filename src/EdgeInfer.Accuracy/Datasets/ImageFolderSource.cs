using EdgeInfer.Core;
using EdgeInfer.Imaging;

namespace EdgeInfer.Accuracy.Datasets;

/// <summary>
/// A labelled image folder laid out like an ImageNet validation set: one sub-folder per class holding JPEG/PNG files.
/// Class indices follow the ordinal order of the sub-folder names (as torchvision's ImageFolder). An optional
/// <c>labels.txt</c> in the root gives one display name per line, line i for class i, and must have one line per class.
/// Images are decoded with SkiaSharp when asked for; unreadable files are reported by <see cref="TryDecode"/>.
/// </summary>
public sealed class ImageFolderSource : ILabelledImageSource
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp" };

    private readonly string[] _files;
    private readonly int[] _labels;

    private ImageFolderSource(string root, string[] files, int[] labels, IReadOnlyList<string> classNames)
    {
        Description = root;
        _files = files;
        _labels = labels;
        ClassNames = classNames;
    }

    /// <inheritdoc/>
    public string Description { get; }

    /// <inheritdoc/>
    public int Count => _files.Length;

    /// <inheritdoc/>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The image files, in order (class folders in ordinal order, files in ordinal order within each).</summary>
    public IReadOnlyList<string> Files => _files;

    /// <summary>
    /// Scans <paramref name="root"/>; a missing folder, no class folders, no images or a <c>labels.txt</c> with the
    /// wrong line count throw <see cref="EdgeInferInputException"/>.
    /// </summary>
    public static ImageFolderSource Open(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        if (!Directory.Exists(root))
        {
            throw new EdgeInferInputException($"Image folder '{root}' does not exist.");
        }

        var classDirs = Directory.GetDirectories(root).OrderBy(d => Path.GetFileName(d), StringComparer.Ordinal).ToArray();
        if (classDirs.Length == 0)
        {
            throw new EdgeInferInputException($"Image folder '{root}' has no class sub-folders; expected one sub-folder per class with JPEG/PNG files.");
        }

        var files = new List<string>();
        var labels = new List<int>();
        for (int c = 0; c < classDirs.Length; c++)
        {
            foreach (var f in Directory.GetFiles(classDirs[c]).Where(f => Extensions.Contains(Path.GetExtension(f))).OrderBy(f => f, StringComparer.Ordinal))
            {
                files.Add(f);
                labels.Add(c);
            }
        }

        if (files.Count == 0)
        {
            throw new EdgeInferInputException(
                $"Image folder '{root}' has {classDirs.Length} class folders but no image files ({string.Join(", ", Extensions.Order())}).");
        }

        IReadOnlyList<string> names = classDirs.Select(d => Path.GetFileName(d)).ToArray();
        var labelsFile = Path.Combine(root, "labels.txt");
        if (File.Exists(labelsFile))
        {
            var lines = File.ReadAllLines(labelsFile).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
            if (lines.Length != classDirs.Length)
            {
                throw new EdgeInferInputException(
                    $"'{labelsFile}' has {lines.Length} class names but '{root}' has {classDirs.Length} class folders; one line per class is needed.");
            }

            names = lines;
        }

        return new ImageFolderSource(root, files.ToArray(), labels.ToArray(), names);
    }

    /// <inheritdoc/>
    public int LabelOf(int index) => _labels[index];

    /// <inheritdoc/>
    public bool TryDecode(int index, out RawImage? image, out string? problem)
    {
        image = null;
        var path = _files[index];
        try
        {
            if (ImageDecoder.TryDecode(path, out image, out var why))
            {
                problem = null;
                return true;
            }

            problem = $"{path}: {why}";
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            problem = $"{path}: {ex.Message}";
            return false;
        }
    }
}
