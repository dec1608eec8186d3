namespace EdgeInfer.Accuracy.Datasets;

/// <summary>
/// An unsigned-byte array read from or written to the IDX format (MNIST, Fashion-MNIST): its dimensions, outermost first,
/// and its values in row-major order. Immutable by convention: the reader hands out a fresh array.
/// </summary>
public sealed class IdxArray
{
    /// <summary>Creates an array; <paramref name="data"/> length must equal the product of <paramref name="dimensions"/>.</summary>
    public IdxArray(IReadOnlyList<int> dimensions, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(data);
        if (dimensions.Count is < 1 or > 255)
        {
            throw new ArgumentException($"IDX arrays have 1 to 255 dimensions, not {dimensions.Count}.", nameof(dimensions));
        }

        long product = 1;
        foreach (var d in dimensions)
        {
            if (d < 0)
            {
                throw new ArgumentException($"IDX dimensions must be non-negative, not {d}.", nameof(dimensions));
            }

            product = (long)Int128.Min((Int128)product * d, long.MaxValue);
        }

        if (product != data.LongLength)
        {
            throw new ArgumentException(
                $"IDX data holds {data.LongLength} values but the dimensions [{string.Join(",", dimensions)}] need {product}.", nameof(data));
        }

        Dimensions = dimensions.ToArray();
        Data = data;
    }

    /// <summary>Dimensions, outermost first (for images: count, rows, columns).</summary>
    public IReadOnlyList<int> Dimensions { get; }

    /// <summary>The values, row-major.</summary>
    public byte[] Data { get; }
}
