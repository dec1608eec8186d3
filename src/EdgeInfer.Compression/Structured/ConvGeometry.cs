using EdgeInfer.Core;
using Onnx;

namespace EdgeInfer.Compression.Structured;

/// <summary>
/// The sliding-window geometry of a 2-D Conv with <c>group</c> 1 (the only kind whose weights are re-fitted): kernel,
/// strides, pads (top, left, bottom, right) and dilations, from the node's attributes.
/// </summary>
internal readonly record struct ConvGeometry(
    int KernelH, int KernelW, int StrideH, int StrideW, int PadTop, int PadLeft, int PadBottom, int PadRight, int DilationH, int DilationW)
{
    /// <summary>Weights per input channel and output channel, kH·kW.</summary>
    public int KernelArea => KernelH * KernelW;

    /// <summary>Reads the geometry of <paramref name="conv"/> for an input of <paramref name="height"/>×<paramref name="width"/>.</summary>
    /// <exception cref="EdgeInferInputException">Not a 2-D Conv with group 1.</exception>
    public static ConvGeometry Of(NodeProto conv, int kernelH, int kernelW, int height, int width)
    {
        if (Ints(conv, "group") is [var g] && g != 1)
        {
            throw new EdgeInferInputException($"Conv '{conv.Name}' has group {g}; only group-1 Convs are re-fitted.");
        }

        var strides = Ints(conv, "strides") is [var sh, var sw] ? (sh, sw) : (1L, 1L);
        var dilations = Ints(conv, "dilations") is [var dh, var dw] ? (dh, dw) : (1L, 1L);
        var pads = Ints(conv, "pads") is [var t, var l, var b, var r] ? (t, l, b, r) : (0L, 0L, 0L, 0L);
        var autoPad = conv.Attribute.FirstOrDefault(a => a.Name == "auto_pad")?.S.ToStringUtf8() ?? "NOTSET";
        if (autoPad is "SAME_UPPER" or "SAME_LOWER")
        {
            var ph = SamePad(height, (int)strides.Item1, kernelH, (int)dilations.Item1);
            var pw = SamePad(width, (int)strides.Item2, kernelW, (int)dilations.Item2);
            pads = autoPad == "SAME_UPPER" ? (ph / 2, pw / 2, ph - (ph / 2), pw - (pw / 2)) : (ph - (ph / 2), pw - (pw / 2), ph / 2, pw / 2);
        }
        else if (autoPad == "VALID")
        {
            pads = (0, 0, 0, 0);
        }

        return new ConvGeometry(
            kernelH, kernelW, (int)strides.Item1, (int)strides.Item2, (int)pads.Item1, (int)pads.Item2, (int)pads.Item3, (int)pads.Item4,
            (int)dilations.Item1, (int)dilations.Item2);
    }

    /// <summary>Output height for an input of height <paramref name="height"/>.</summary>
    public int OutputHeight(int height) => ((height + PadTop + PadBottom - (DilationH * (KernelH - 1)) - 1) / StrideH) + 1;

    /// <summary>Output width for an input of width <paramref name="width"/>.</summary>
    public int OutputWidth(int width) => ((width + PadLeft + PadRight - (DilationW * (KernelW - 1)) - 1) / StrideW) + 1;

    /// <summary>
    /// Writes the im2col row of output position (<paramref name="oy"/>, <paramref name="ox"/>): for each input channel c,
    /// kernel row ky and column kx (the weight's order), the input value under that tap, 0 in the padding.
    /// </summary>
    /// <param name="image">One image's input, C·H·W values.</param>
    /// <param name="channels">C.</param>
    /// <param name="height">H.</param>
    /// <param name="width">W.</param>
    /// <param name="oy">Output row.</param>
    /// <param name="ox">Output column.</param>
    /// <param name="row">C·kH·kW values.</param>
    public void Im2ColRow(ReadOnlySpan<float> image, int channels, int height, int width, int oy, int ox, Span<double> row)
    {
        var y0 = (oy * StrideH) - PadTop;
        var x0 = (ox * StrideW) - PadLeft;
        var plane = height * width;
        var i = 0;
        for (var c = 0; c < channels; c++)
        {
            var channel = image.Slice(c * plane, plane);
            for (var ky = 0; ky < KernelH; ky++)
            {
                var y = y0 + (ky * DilationH);
                var inside = y >= 0 && y < height;
                for (var kx = 0; kx < KernelW; kx++)
                {
                    var x = x0 + (kx * DilationW);
                    row[i++] = inside && x >= 0 && x < width ? channel[(y * width) + x] : 0;
                }
            }
        }
    }

    private static int SamePad(int size, int stride, int kernel, int dilation)
    {
        var output = (size + stride - 1) / stride;
        return Math.Max(0, ((output - 1) * stride) + ((kernel - 1) * dilation) + 1 - size);
    }

    private static long[] Ints(NodeProto node, string name) =>
        node.Attribute.FirstOrDefault(a => a.Name == name) is { } a ? (a.Ints.Count > 0 ? [.. a.Ints] : [a.I]) : [];
}
