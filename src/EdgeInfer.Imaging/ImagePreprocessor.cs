namespace EdgeInfer.Imaging;

/// <summary>
/// Turns a <see cref="RawImage"/> into a normalised CHW float tensor as <see cref="PreprocessOptions"/> describes
/// (resize shorter side, centre crop, mean/std). Values stay in float between the two resize passes (no rounding to bytes).
/// Thread-safe and allocation-light: one temporary buffer per call.
/// </summary>
public sealed class ImagePreprocessor
{
    private readonly PreprocessOptions options;

    /// <summary>Creates a preprocessor; invalid options throw <see cref="ArgumentException"/> listing every problem.</summary>
    public ImagePreprocessor(PreprocessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Validated();
    }

    /// <summary>The options in force.</summary>
    public PreprocessOptions Options => options;

    /// <summary>Floats per output image: <c>3 · crop²</c>.</summary>
    public int OutputLength => 3 * options.CropSize * options.CropSize;

    /// <summary>
    /// The resized size (width, height) before cropping: shorter side = R, longer side = ⌊R · long / short⌋, at most
    /// <see cref="int.MaxValue"/> (an image thinner than 1 : 8 million would overflow it; it is resampled as if that long).
    /// </summary>
    public static (int Width, int Height) ResizedSize(int width, int height, int shorterSide)
    {
        static int Longer(long shorterSide, long longer, long shorter) => (int)Math.Min(int.MaxValue, shorterSide * longer / shorter);
        if (width <= height)
        {
            return (shorterSide, Longer(shorterSide, height, width));
        }

        return (Longer(shorterSide, width, height), shorterSide);
    }

    /// <summary>Writes the preprocessed image into <paramref name="destination"/> (length <see cref="OutputLength"/>), CHW.</summary>
    public void Process(RawImage image, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (destination.Length != OutputLength)
        {
            throw new ArgumentException($"Destination holds {destination.Length} floats; {OutputLength} are needed.", nameof(destination));
        }

        var crop = options.CropSize;
        var (rw, rh) = ResizedSize(image.Width, image.Height, options.ResizeShorterSide);
        var left = (rw - crop) / 2;
        var top = (rh - crop) / 2;
        var kx = ResampleKernel.Create(image.Width, rw, left, crop);
        var ky = ResampleKernel.Create(image.Height, rh, top, crop);

        // Only the input rows the vertical pass reads are resampled horizontally: a centre crop of a tall image needs a band,
        // not every row (a 1 × 1,000,000 image would otherwise take 1,000,000 · crop floats).
        var (firstRow, endRow) = RowsRead(ky);
        var channels = image.Channels;
        var rows = new float[(endRow - firstRow) * crop]; // one channel after the horizontal pass
        var plane = new float[crop * crop];
        for (var c = 0; c < channels; c++)
        {
            ResizeRows(image, c, kx, crop, firstRow, endRow, rows);
            ResizeColumns(rows, ky, crop, firstRow, plane);
            if (channels == 1)
            {
                for (var oc = 0; oc < 3; oc++)
                {
                    Normalise(plane, destination.Slice(oc * crop * crop, crop * crop), oc);
                }
            }
            else
            {
                var oc = options.Bgr ? 2 - c : c;
                Normalise(plane, destination.Slice(oc * crop * crop, crop * crop), oc);
            }
        }
    }

    /// <summary>The input rows <c>[First, End)</c> that the vertical kernel <paramref name="ky"/> reads.</summary>
    private static (int First, int End) RowsRead(ResampleKernel ky)
    {
        var first = int.MaxValue;
        var end = 0;
        for (var i = 0; i < ky.Start.Length; i++)
        {
            if (ky.Count[i] > 0)
            {
                first = Math.Min(first, ky.Start[i]);
                end = Math.Max(end, ky.Start[i] + ky.Count[i]);
            }
        }

        return first > end ? (0, 0) : (first, end);
    }

    /// <summary>
    /// The horizontal pass: channel <paramref name="channel"/> of image rows <c>[firstRow, endRow)</c> resampled to the crop's
    /// columns (row <c>y</c> lands at <c>y − firstRow</c>).
    /// </summary>
    private static void ResizeRows(RawImage image, int channel, ResampleKernel kx, int crop, int firstRow, int endRow, Span<float> rows)
    {
        var channels = image.Channels;
        var pixels = image.Pixels;
        var start = kx.Start;
        var count = kx.Count;
        var weights = kx.Weights;
        var stride = kx.Stride;
        for (var y = firstRow; y < endRow; y++)
        {
            var rowBase = y * image.Width * channels;
            var outBase = (y - firstRow) * crop;
            for (var j = 0; j < crop; j++)
            {
                var s = start[j];
                var n = count[j];
                var wb = j * stride;
                float acc = 0;
                for (var t = 0; t < n; t++)
                {
                    acc += weights[wb + t] * pixels[rowBase + ((s + t) * channels) + channel];
                }

                rows[outBase + j] = acc;
            }
        }
    }

    /// <summary>The vertical pass: the horizontally resampled rows (from input row <paramref name="firstRow"/>) combined into the crop's rows.</summary>
    private static void ResizeColumns(ReadOnlySpan<float> rows, ResampleKernel ky, int crop, int firstRow, Span<float> plane)
    {
        var start = ky.Start;
        var count = ky.Count;
        var weights = ky.Weights;
        var stride = ky.Stride;
        for (var i = 0; i < crop; i++)
        {
            var s = start[i];
            var n = count[i];
            var wb = i * stride;
            var outRow = plane.Slice(i * crop, crop);
            outRow.Clear();
            for (var t = 0; t < n; t++)
            {
                var w = weights[wb + t];
                var inRow = rows.Slice((s + t - firstRow) * crop, crop);
                for (var j = 0; j < crop; j++)
                {
                    outRow[j] += w * inRow[j];
                }
            }
        }
    }

    private void Normalise(ReadOnlySpan<float> plane, Span<float> destination, int outputChannel)
    {
        var mean = options.Mean[outputChannel];
        var invStd = 1f / options.Std[outputChannel];
        for (var k = 0; k < plane.Length; k++)
        {
            destination[k] = ((plane[k] / 255f) - mean) * invStd;
        }
    }
}
