using Onnx;

namespace EdgeInfer.Models.Inspection;

public static partial class ShapeInference
{
    /// <summary>Shape rules of the spatial operators: Conv (with MACs) and pooling.</summary>
    private sealed partial class Walker
    {
        private long[]? Conv(NodeProto node)
        {
            var x = In(node, 0);
            var w = In(node, 1) ?? throw new InvalidOperationException("the weight shape is unknown.");
            var group = Attributes.Int(node, "group", 1);
            if (x is null || x.Length != w.Length)
            {
                AddMacs(false, 0);
                return x is null ? null : Enumerable.Repeat(-1L, w.Length).ToArray();
            }

            if (x[1] >= 0 && x[1] != w[1] * group)
            {
                throw new InvalidOperationException($"input has {x[1]} channels but the weight expects {w[1]}×{group} (group {group}).");
            }

            var kernel = w[2..];
            var output = new long[x.Length];
            output[0] = x[0];
            output[1] = w[0];
            SpatialOut(node, x, kernel, ceil: false, output);
            AddMacs(Static(output), output.Aggregate(1L, (a, d) => a * d) * w[1] * kernel.Aggregate(1L, (a, d) => a * d));
            return output;
        }

        private long[]? Pool(NodeProto node)
        {
            var x = In(node, 0);
            if (x is null)
            {
                return null;
            }

            var kernel = Attributes.Ints(node, "kernel_shape") ?? throw new InvalidOperationException("kernel_shape is missing.");
            var output = (long[])x.Clone();
            SpatialOut(node, x, kernel, Attributes.Int(node, "ceil_mode", 0) != 0, output);
            return output;
        }

        private static void SpatialOut(NodeProto node, long[] x, long[] kernel, bool ceil, long[] output)
        {
            var n = kernel.Length;
            var strides = Attributes.Ints(node, "strides") ?? Enumerable.Repeat(1L, n).ToArray();
            var dilations = Attributes.Ints(node, "dilations") ?? Enumerable.Repeat(1L, n).ToArray();
            var pads = Attributes.Ints(node, "pads") ?? new long[2 * n];
            var autoPad = Attributes.String(node, "auto_pad") ?? "NOTSET";
            for (var i = 0; i < n; i++)
            {
                var input = x[2 + i];
                if (input < 0)
                {
                    output[2 + i] = -1;
                    continue;
                }

                output[2 + i] = autoPad switch
                {
                    "SAME_UPPER" or "SAME_LOWER" => (input + strides[i] - 1) / strides[i],
                    "VALID" => ((input - (dilations[i] * (kernel[i] - 1)) - 1) / strides[i]) + 1,
                    _ => Window(input + pads[i] + pads[i + n] - (dilations[i] * (kernel[i] - 1)) - 1, strides[i], ceil) + 1,
                };
                if (output[2 + i] <= 0)
                {
                    throw new InvalidOperationException($"spatial dim {input} is too small for kernel {kernel[i]}.");
                }
            }
        }

        private static long Window(long span, long stride, bool ceil) => ceil ? (span + stride - 1) / stride : span / stride;

        private static long[]? GlobalPool(long[]? x) => x is null ? null : [.. x[..2], .. Enumerable.Repeat(1L, x.Length - 2)];
    }
}
