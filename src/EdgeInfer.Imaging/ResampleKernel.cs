namespace EdgeInfer.Imaging;

/// <summary>
/// One axis of a triangle-filter ("bilinear") resampling with antialiasing, computed as PIL does: output sample i is centred at
/// <c>(i + 0.5)·s</c> in input coordinates (s = in/out), the filter <c>max(0, 1 − |x|)</c> is stretched by <c>max(s, 1)</c>,
/// and weights are normalised to sum to 1. Upscaling is therefore plain half-pixel bilinear interpolation; downscaling averages.
/// </summary>
public sealed class ResampleKernel
{
    private ResampleKernel(int[] start, int[] count, float[] weights, int stride)
    {
        Start = start;
        Count = count;
        Weights = weights;
        Stride = stride;
    }

    /// <summary>First input index of each output sample.</summary>
    public int[] Start { get; }

    /// <summary>Number of taps of each output sample.</summary>
    public int[] Count { get; }

    /// <summary>Weights, <see cref="Stride"/> per output sample.</summary>
    public float[] Weights { get; }

    /// <summary>Weights stored per output sample.</summary>
    public int Stride { get; }

    /// <summary>The kernel for output samples <c>[first, first + length)</c> of an <paramref name="inSize"/> → <paramref name="outSize"/> resize.</summary>
    public static ResampleKernel Create(int inSize, int outSize, int first, int length)
    {
        var scale = (double)inSize / outSize;
        var filterScale = Math.Max(scale, 1.0);
        var support = filterScale; // the triangle filter has support 1
        var stride = (int)Math.Ceiling(support) * 2 + 1;
        var start = new int[length];
        var count = new int[length];
        var weights = new float[length * stride];
        for (var k = 0; k < length; k++)
        {
            var i = first + k;
            var center = (i + 0.5) * scale;
            var xmin = Math.Max((int)(center - support + 0.5), 0);
            var xmax = Math.Min((int)(center + support + 0.5), inSize) - xmin;
            double total = 0;
            var w = new double[xmax];
            for (var x = 0; x < xmax; x++)
            {
                var t = Math.Abs((x + xmin - center + 0.5) / filterScale);
                w[x] = Math.Max(0.0, 1.0 - t);
                total += w[x];
            }

            start[k] = xmin;
            count[k] = xmax;
            for (var x = 0; x < xmax; x++)
            {
                weights[(k * stride) + x] = (float)(total > 0 ? w[x] / total : 0);
            }
        }

        return new ResampleKernel(start, count, weights, stride);
    }
}
