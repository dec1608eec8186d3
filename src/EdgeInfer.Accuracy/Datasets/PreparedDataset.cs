using EdgeInfer.Core;
using EdgeInfer.Imaging;

namespace EdgeInfer.Accuracy.Datasets;

/// <summary>
/// A labelled dataset decoded and preprocessed once into network-ready batches, so that every pruning factor is evaluated on
/// exactly the same tensors. Unreadable images are skipped and listed (or, when strict, rejected).
/// </summary>
public sealed class PreparedDataset
{
    private PreparedDataset(
        string description,
        IReadOnlyList<string> classNames,
        IReadOnlyList<TensorBatch> batches,
        IReadOnlyList<string> problems,
        PreprocessOptions preprocessing)
    {
        Description = description;
        ClassNames = classNames;
        Batches = batches;
        Problems = problems;
        Preprocessing = preprocessing;
    }

    /// <summary>Largest prepared tensor set held in memory: 8 GiB (the full Fashion-MNIST test set at 112 px takes 1.4 GiB).</summary>
    public const long MaxPreparedBytes = 8L << 30;

    /// <summary>Where the images come from.</summary>
    public string Description { get; }

    /// <summary>Class names, index = label.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The batches, in dataset order.</summary>
    public IReadOnlyList<TensorBatch> Batches { get; }

    /// <summary>One line per unreadable image that was skipped.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The preprocessing applied.</summary>
    public PreprocessOptions Preprocessing { get; }

    /// <summary>Images prepared (skipped ones excluded).</summary>
    public int ImageCount => Batches.Sum(b => b.Count);

    /// <summary>
    /// Decodes and preprocesses the first <paramref name="limit"/> images (all when null) of <paramref name="source"/> in parallel
    /// into batches of <paramref name="batchSize"/>. With <paramref name="strict"/>, the first unreadable image throws
    /// <see cref="EdgeInferInputException"/>; otherwise it is skipped and listed in <see cref="Problems"/>.
    /// </summary>
    public static PreparedDataset Prepare(
        ILabelledImageSource source, PreprocessOptions preprocessing, int batchSize, int? limit = null, bool strict = false, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (limit is < 1)
        {
            throw new EdgeInferInputException($"limit {limit} must be at least 1.");
        }

        var pre = new ImagePreprocessor(preprocessing);
        var count = Math.Min(source.Count, limit ?? int.MaxValue);
        var length = pre.OutputLength;
        var bytes = (long)count * length * sizeof(float);
        if (bytes > MaxPreparedBytes)
        {
            throw new EdgeInferInputException(
                $"{count} images of 3x{preprocessing.CropSize}x{preprocessing.CropSize} need {bytes / (1L << 20)} MiB prepared in memory, "
                + $"over the {MaxPreparedBytes >> 20} MiB cap; set the limit to {MaxPreparedBytes / ((long)length * sizeof(float))} images or less.");
        }

        var (tensors, problems) = DecodeAll(source, pre, count, progress);
        if (strict && problems.Length > 0)
        {
            throw new EdgeInferInputException($"{problems.Length} unreadable image(s) in {source.Description} (strict mode); first: {problems[0]}");
        }

        var kept = Enumerable.Range(0, count).Where(i => tensors[i] is not null).ToArray();
        if (kept.Length == 0)
        {
            throw new EdgeInferInputException($"No readable image in {source.Description}: {problems.Length} unreadable.");
        }

        var batches = Batch(source, tensors, kept, batchSize, length, preprocessing.CropSize);
        return new PreparedDataset(source.Description, source.ClassNames, batches, problems, preprocessing);
    }

    /// <summary>
    /// Decodes and preprocesses the first <paramref name="count"/> images in parallel; null tensors for unreadable
    /// ones, whose problems are listed.
    /// </summary>
    private static (float[]?[] Tensors, string[] Problems) DecodeAll(ILabelledImageSource source, ImagePreprocessor pre, int count, IProgress<string>? progress)
    {
        var tensors = new float[]?[count];
        var errors = new string?[count];
        var done = 0;
        Parallel.For(0, count, i =>
        {
            if (source.TryDecode(i, out var image, out var problem))
            {
                var t = new float[pre.OutputLength];
                pre.Process(image!, t);
                tensors[i] = t;
            }
            else
            {
                errors[i] = problem ?? $"image {i}: unreadable";
            }

            var n = Interlocked.Increment(ref done);
            if (progress is not null && n % 1000 == 0)
            {
                progress.Report($"prepared {n}/{count} images");
            }
        });

        return (tensors, errors.Where(e => e is not null).Select(e => e!).ToArray());
    }

    /// <summary>Copies the kept tensors, in order, into batches of <paramref name="batchSize"/>, releasing each tensor once copied.</summary>
    private static List<TensorBatch> Batch(ILabelledImageSource source, float[]?[] tensors, int[] kept, int batchSize, int length, int cropSize)
    {
        var batches = new List<TensorBatch>();
        for (var start = 0; start < kept.Length; start += batchSize)
        {
            var n = Math.Min(batchSize, kept.Length - start);
            var data = new float[n * length];
            var labels = new int[n];
            for (var k = 0; k < n; k++)
            {
                var i = kept[start + k];
                tensors[i]!.CopyTo(data, k * length);
                labels[k] = source.LabelOf(i);
                tensors[i] = null;
            }

            batches.Add(new TensorBatch(data, labels, cropSize));
        }

        return batches;
    }
}
