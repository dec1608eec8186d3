namespace EdgeInfer.Accuracy.Datasets;

/// <summary>One batch of preprocessed images ready for a network: <c>[Count, 3, Size, Size]</c> floats and their labels.</summary>
public sealed class TensorBatch
{
    /// <summary>Creates a batch; <paramref name="data"/> holds <c>labels.Length · 3 · size²</c> floats.</summary>
    public TensorBatch(float[] data, int[] labels, int size)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(labels);
        if (data.Length != labels.Length * 3 * size * size)
        {
            throw new ArgumentException(
                $"A batch of {labels.Length} images of 3x{size}x{size} needs {labels.Length * 3 * size * size} floats, not {data.Length}.", nameof(data));
        }

        Data = data;
        Labels = labels;
        Size = size;
    }

    /// <summary>Image tensor, NCHW.</summary>
    public float[] Data { get; }

    /// <summary>Class index of each image.</summary>
    public int[] Labels { get; }

    /// <summary>Images in the batch.</summary>
    public int Count => Labels.Length;

    /// <summary>Height and width of each image, pixels.</summary>
    public int Size { get; }

    /// <summary>The ONNX input shape <c>[Count, 3, Size, Size]</c>.</summary>
    public long[] Shape => [Count, 3, Size, Size];
}
