namespace EdgeInfer.Imaging;

/// <summary>
/// Turns a <see cref="RawImage"/> into a normalised CHW float tensor as <see cref="PreprocessOptions"/> describes
/// (resize shorter side, centre crop, mean/std). Values stay in float between the two resize passes (no rounding to bytes).
/// Thread-safe and allocation-light: one temporary buffer per call.
/// </summary>
public sealed class ImagePreprocessor
{
    private readonly PreprocessOptions _options;

    /// <summary>Creates a preprocessor; invalid options throw <see cref="ArgumentException"/> listing every problem.</summary>
    public ImagePreprocessor(PreprocessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Validated();
    }

    /// <summary>The options in force.</summary>
    public PreprocessOptions Options => _options;

    /// <summary>Floats per output image: <c>3 · crop²</c>.</summary>
    public int OutputLength => 3 * _options.CropSize * _options.CropSize;

    /// <summary>The resized size (width, height) before cropping: shorter side = R, longer side = ⌊R · long / short⌋.</summary>
    public static (int Width, int Height) ResizedSize(int width, int height, int shorterSide)
    {
        if (width <= height)
        {
            return (shorterSide, (int)((long)shorterSide * height / width));
        }

        return ((int)((long)shorterSide * width / height), shorterSide);
    }

    /// <summary>Writes the preprocessed image into <paramref name="destination"/> (length <see cref="OutputLength"/>), CHW.</summary>
    public void Process(RawImage image, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (destination.Length != OutputLength)
        {
            throw new ArgumentException($"Destination holds {destination.Length} floats; {OutputLength} are needed.", nameof(destination));
        }

        int crop = _options.CropSize;
        var (rw, rh) = ResizedSize(image.Width, image.Height, _options.ResizeShorterSide);
        int left = (rw - crop) / 2;
        int top = (rh - crop) / 2;
        var kx = ResampleKernel.Create(image.Width, rw, left, crop);
        var ky = ResampleKernel.Create(image.Height, rh, top, crop);

        int channels = image.Channels;
        var rows = new float[image.Height * crop]; // one channel after the horizontal pass
        var plane = new float[crop * crop];
        for (int c = 0; c < channels; c++)
        {
            ResizeRows(image, c, kx, crop, rows);
            ResizeColumns(rows, ky, crop, plane);
            if (channels == 1)
            {
                for (int oc = 0; oc < 3; oc++)
                {
                    Normalise(plane, destination.Slice(oc * crop * crop, crop * crop), oc);
                }
            }
            else
            {
                int oc = _options.Bgr ? 2 - c : c;
                Normalise(plane, destination.Slice(oc * crop * crop, crop * crop), oc);
            }
        }
    }

    /// <summary>The horizontal pass: channel <paramref name="channel"/> of every image row resampled to the crop's columns.</summary>
    private static void ResizeRows(RawImage image, int channel, ResampleKernel kx, int crop, Span<float> rows)
    {
        int channels = image.Channels;
        var pixels = image.Pixels;
        var start = kx.Start;
        var count = kx.Count;
        var weights = kx.Weights;
        int stride = kx.Stride;
        for (int y = 0; y < image.Height; y++)
        {
            int rowBase = y * image.Width * channels;
            for (int j = 0; j < crop; j++)
            {
                int s = start[j];
                int n = count[j];
                int wb = j * stride;
                float acc = 0;
                for (int t = 0; t < n; t++)
                {
                    acc += weights[wb + t] * pixels[rowBase + ((s + t) * channels) + channel];
                }

                rows[(y * crop) + j] = acc;
            }
        }
    }

    /// <summary>The vertical pass: the horizontally resampled rows combined into the crop's rows of one plane.</summary>
    private static void ResizeColumns(ReadOnlySpan<float> rows, ResampleKernel ky, int crop, Span<float> plane)
    {
        var start = ky.Start;
        var count = ky.Count;
        var weights = ky.Weights;
        int stride = ky.Stride;
        for (int i = 0; i < crop; i++)
        {
            int s = start[i];
            int n = count[i];
            int wb = i * stride;
            var outRow = plane.Slice(i * crop, crop);
            outRow.Clear();
            for (int t = 0; t < n; t++)
            {
                float w = weights[wb + t];
                var inRow = rows.Slice((s + t) * crop, crop);
                for (int j = 0; j < crop; j++)
                {
                    outRow[j] += w * inRow[j];
                }
            }
        }
    }

    private void Normalise(ReadOnlySpan<float> plane, Span<float> destination, int outputChannel)
    {
        float mean = _options.Mean[outputChannel];
        float invStd = 1f / _options.Std[outputChannel];
        for (int k = 0; k < plane.Length; k++)
        {
            destination[k] = ((plane[k] / 255f) - mean) * invStd;
        }
    }
}
