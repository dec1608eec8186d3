using System.Numerics;
using EdgeInfer.Compression.Calibration;

namespace EdgeInfer.Compression.Quantization;

/// <summary>
/// Collects the range of each activation tensor over the calibration batches: the overall min/max, and for
/// <see cref="Int8CalibrationMethod.Percentile"/> the image-weighted mean over batches of each batch's lower and upper
/// percentile (read from a 2,048-bin histogram of the batch, so one pass over the values and no sorting).
/// </summary>
internal sealed class ActivationRanges
{
    private const int Bins = 2048;

    private readonly Int8CalibrationMethod method;
    private readonly double percentile;
    private readonly Dictionary<string, Accumulator> tensors = new(StringComparer.Ordinal);

    public ActivationRanges(IEnumerable<string> names, Int8CalibrationMethod method, double percentile)
    {
        this.method = method;
        this.percentile = percentile;
        foreach (var name in names)
        {
            tensors[name] = new Accumulator();
        }
    }

    /// <summary>Images seen so far.</summary>
    public int Images { get; private set; }

    /// <summary>Adds one captured batch (every tracked tensor must be in it).</summary>
    public void Add(CapturedBatch batch)
    {
        Images += batch.Count;
        Parallel.ForEach(tensors, pair =>
        {
            var data = batch.Tensors[pair.Key].Data;
            var (min, max) = MinMax(data);
            var acc = pair.Value;
            acc.Min = Math.Min(acc.Min, min);
            acc.Max = Math.Max(acc.Max, max);
            if (method == Int8CalibrationMethod.Percentile)
            {
                var (low, high) = Percentiles(data, min, max, percentile);
                acc.LowSum += low * batch.Count;
                acc.HighSum += high * batch.Count;
                acc.Images += batch.Count;
            }
        });
    }

    /// <summary>The calibrated range of <paramref name="name"/>: min/max, or the mean percentiles within min/max.</summary>
    public (double Min, double Max) Range(string name)
    {
        var acc = tensors[name];
        if (acc.Min > acc.Max)
        {
            return (0, 0);
        }

        return method == Int8CalibrationMethod.Percentile && acc.Images > 0
            ? (Math.Max(acc.Min, acc.LowSum / acc.Images), Math.Min(acc.Max, acc.HighSum / acc.Images))
            : (acc.Min, acc.Max);
    }

    internal static (float Min, float Max) MinMax(ReadOnlySpan<float> data)
    {
        var min = float.PositiveInfinity;
        var max = float.NegativeInfinity;
        var i = 0;
        if (Vector.IsHardwareAccelerated && data.Length >= Vector<float>.Count)
        {
            var vmin = new Vector<float>(float.PositiveInfinity);
            var vmax = new Vector<float>(float.NegativeInfinity);
            for (; i <= data.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var v = new Vector<float>(data[i..]);
                vmin = Vector.Min(vmin, v);
                vmax = Vector.Max(vmax, v);
            }

            for (var k = 0; k < Vector<float>.Count; k++)
            {
                min = Math.Min(min, vmin[k]);
                max = Math.Max(max, vmax[k]);
            }
        }

        for (; i < data.Length; i++)
        {
            min = Math.Min(min, data[i]);
            max = Math.Max(max, data[i]);
        }

        return (min, max);
    }

    /// <summary>
    /// The values below which (100 − p) % and above which (100 − p) % of <paramref name="data"/> lie, to one histogram bin
    /// (the bin edge on the outer side, so the range never shrinks by more than a bin beyond the percentile).
    /// </summary>
    internal static (double Low, double High) Percentiles(ReadOnlySpan<float> data, float min, float max, double p)
    {
        if (!(max > min))
        {
            return (min, max);
        }

        var counts = new long[Bins];
        var width = ((double)max - min) / Bins;
        foreach (var v in data)
        {
            counts[Math.Min(Bins - 1, (int)((v - min) / width))]++;
        }

        var tail = (long)Math.Floor(data.Length * (100 - p) / 100);
        int high = Bins - 1, low = 0;
        for (long above = 0; high > 0 && above + counts[high] <= tail; high--)
        {
            above += counts[high];
        }

        for (long below = 0; low < Bins - 1 && below + counts[low] <= tail; low++)
        {
            below += counts[low];
        }

        return (min + (low * width), min + ((high + 1) * width));
    }

    private sealed class Accumulator
    {
        public double Min { get; set; } = double.PositiveInfinity;

        public double Max { get; set; } = double.NegativeInfinity;

        public double LowSum { get; set; }

        public double HighSum { get; set; }

        public int Images { get; set; }
    }
}
