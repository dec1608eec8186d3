using EdgeInfer.Core;
using EdgeInfer.Imaging;

namespace EdgeInfer.Accuracy.Datasets;

/// <summary>
/// Labelled greyscale images of one size held in memory, as stored by the IDX format: images <c>[count, rows, cols]</c>
/// and labels <c>[count]</c>. Fashion-MNIST and MNIST splits load into this.
/// </summary>
public sealed class GreyscaleImageSet : ILabelledImageSource
{
    private readonly byte[] _pixels;
    private readonly byte[] _labels;

    /// <summary>
    /// Pairs an image array <c>[count, rows, cols]</c> with a label array <c>[count]</c>; mismatches throw
    /// <see cref="EdgeInferInputException"/>.
    /// </summary>
    public GreyscaleImageSet(IdxArray images, IdxArray labels, IReadOnlyList<string> classNames, string description)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classNames);
        if (images.Dimensions.Count != 3)
        {
            throw new EdgeInferInputException(
                $"{description}: the image array has dimensions [{string.Join(",", images.Dimensions)}]; expected [count, rows, columns].");
        }

        if (labels.Dimensions.Count != 1)
        {
            throw new EdgeInferInputException($"{description}: the label array has dimensions [{string.Join(",", labels.Dimensions)}]; expected [count].");
        }

        if (images.Dimensions[0] != labels.Dimensions[0])
        {
            throw new EdgeInferInputException($"{description}: {images.Dimensions[0]} images but {labels.Dimensions[0]} labels.");
        }

        if (images.Dimensions[1] < 1 || images.Dimensions[2] < 1)
        {
            throw new EdgeInferInputException($"{description}: images of {images.Dimensions[1]}x{images.Dimensions[2]} pixels; both sizes must be at least 1.");
        }

        int bad = Array.FindIndex(labels.Data, l => l >= classNames.Count);
        if (bad >= 0)
        {
            throw new EdgeInferInputException($"{description}: label {labels.Data[bad]} at index {bad} is outside the {classNames.Count} classes.");
        }

        _pixels = images.Data;
        _labels = labels.Data;
        Rows = images.Dimensions[1];
        Columns = images.Dimensions[2];
        ClassNames = classNames;
        Description = description;
    }

    /// <inheritdoc/>
    public string Description { get; }

    /// <inheritdoc/>
    public int Count => _labels.Length;

    /// <summary>Image height in pixels.</summary>
    public int Rows { get; }

    /// <summary>Image width in pixels.</summary>
    public int Columns { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Loads images and labels from two IDX files (plain or gzip).</summary>
    public static GreyscaleImageSet Load(string imagesPath, string labelsPath, IReadOnlyList<string> classNames) =>
        new(IdxFormat.Read(imagesPath), IdxFormat.Read(labelsPath), classNames, imagesPath);

    /// <summary>Loads a Fashion-MNIST split (<c>train</c> or <c>t10k</c>) from a directory holding the standard gzip file names.</summary>
    public static GreyscaleImageSet LoadFashionMnist(string directory, string split) =>
        Load(Path.Combine(directory, FashionMnist.ImagesFile(split)), Path.Combine(directory, FashionMnist.LabelsFile(split)), FashionMnist.ClassNames);

    /// <inheritdoc/>
    public int LabelOf(int index) => _labels[index];

    /// <summary>The pixels of image <paramref name="index"/>, row-major, 0..255.</summary>
    public ReadOnlySpan<byte> PixelsOf(int index) => _pixels.AsSpan(index * Rows * Columns, Rows * Columns);

    /// <inheritdoc/>
    public bool TryDecode(int index, out RawImage? image, out string? problem)
    {
        image = new RawImage(Columns, Rows, 1, PixelsOf(index).ToArray());
        problem = null;
        return true;
    }

    /// <summary>
    /// A deterministic class-balanced subset: for each class in label order, the first <paramref name="perClass"/> images in file order,
    /// kept in file order. Throws <see cref="EdgeInferInputException"/> when a class has fewer images.
    /// </summary>
    public GreyscaleImageSet FirstPerClass(int perClass)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perClass, 1);
        var taken = new int[ClassNames.Count];
        var keep = new List<int>();
        for (int i = 0; i < Count; i++)
        {
            if (taken[_labels[i]] < perClass)
            {
                taken[_labels[i]]++;
                keep.Add(i);
            }
        }

        int short_ = Array.FindIndex(taken, t => t < perClass);
        if (short_ >= 0)
        {
            throw new EdgeInferInputException($"{Description}: class {short_} has only {taken[short_]} images; {perClass} per class were asked for.");
        }

        int size = Rows * Columns;
        var pixels = new byte[keep.Count * size];
        var labels = new byte[keep.Count];
        for (int k = 0; k < keep.Count; k++)
        {
            PixelsOf(keep[k]).CopyTo(pixels.AsSpan(k * size, size));
            labels[k] = _labels[keep[k]];
        }

        return new GreyscaleImageSet(
            new IdxArray([keep.Count, Rows, Columns], pixels), new IdxArray([keep.Count], labels), ClassNames, Description + $" (first {perClass} per class)");
    }

    /// <summary>Writes the images and labels as gzip IDX files (atomically, each via a temporary file).</summary>
    public void Save(string imagesPath, string labelsPath)
    {
        IdxFormat.Write(imagesPath, new IdxArray([Count, Rows, Columns], _pixels), gzip: true);
        IdxFormat.Write(labelsPath, new IdxArray([Count], _labels), gzip: true);
    }
}
