using System.Diagnostics;
using EdgeInfer.Compression.Calibration;
using Onnx;

namespace EdgeInfer.Compression.Structured;

/// <summary>
/// The sequential least-squares reconstruction: layer by layer in node order, each re-fitted Conv's input comes from the
/// already pruned and re-fitted network (run in segments by <see cref="SegmentRunner"/>), its target from the original
/// network (<see cref="OriginalPass"/>), so errors do not pile up; then its output's per-channel statistics are
/// corrected towards the original's and the correction is folded into its weights and bias.
/// </summary>
internal static class SequentialRefit
{
    /// <summary>Re-fits <paramref name="convs"/> in order; returns the time spent in ORT, least squares and correction.</summary>
    public static (TimeSpan Activations, TimeSpan LeastSquares, TimeSpan Correction) Run(
        ModelProto model,
        IReadOnlyList<RefitConv> convs,
        IReadOnlyDictionary<RefitConv, int[]> outputKeep,
        CalibrationSet images,
        ChannelLsOptions options)
    {
        var runner = new SegmentRunner(model, images, options.BatchSize, options.IntraOpThreads);
        TimeSpan activations = default, leastSquares = default, correction = default;
        foreach (var conv in convs)
        {
            var start = Stopwatch.GetTimestamp();
            var x = runner.Advance([conv.Input])[conv.Input];
            var fitted = Stopwatch.GetTimestamp();
            activations += Stopwatch.GetElapsedTime(start, fitted);
            var keep = outputKeep.GetValueOrDefault(conv) ?? [.. Enumerable.Range(0, conv.Outputs)];
            var (weights, bias) = Refit(model.Graph, conv, x, keep, options);
            leastSquares += Stopwatch.GetElapsedTime(fitted);
            if (options.Correction != ChannelLsCorrection.None)
            {
                start = Stopwatch.GetTimestamp();
                var y = runner.Advance([conv.Output])[conv.Output];
                var corrected = Stopwatch.GetTimestamp();
                activations += Stopwatch.GetElapsedTime(start, corrected);
                Correct(model.Graph, conv, y, keep, weights, bias, options.Correction);
                correction += Stopwatch.GetElapsedTime(corrected);
            }
        }

        return (activations, leastSquares, correction);
    }

    /// <summary>Fits the Conv's weights and bias on its (pruned) input at the sampled positions and writes them into the model.</summary>
    private static (float[] Weights, float[] Bias) Refit(GraphProto graph, RefitConv conv, SegmentRunner.Activation x, int[] keep, ChannelLsOptions options)
    {
        var (images, channels, height, width) = (x.Shape[0], x.Shape[1], x.Shape[2], x.Shape[3]);
        var area = conv.Geometry.KernelArea;
        var columns = channels * area;
        var p = conv.PositionsPerImage;
        var plane = conv.OutputSize.H * conv.OutputSize.W;
        var rows = images * p;
        var xs = new double[(long)rows * columns];
        var ys = new double[(long)rows * keep.Length];
        Parallel.For(0, images, n =>
        {
            var image = x.Data.AsSpan(n * x.PerImage, x.PerImage);
            var positions = PositionSampler.Sample(options.Seed, conv.Index, n, plane, p);
            for (var i = 0; i < p; i++)
            {
                var r = (n * p) + i;
                var (oy, ox) = (positions[i] / conv.OutputSize.W, positions[i] % conv.OutputSize.W);
                conv.Geometry.Im2ColRow(image, channels, height, width, oy, ox, xs.AsSpan(r * columns, columns));
                for (var o = 0; o < keep.Length; o++)
                {
                    ys[(r * keep.Length) + o] = conv.Targets[((long)r * conv.Outputs) + keep[o]];
                }
            }
        });

        var fit = RidgeRegression.Fit(xs, ys, rows, columns, keep.Length, options.Ridge, [.. keep.Select(o => conv.OutputWeights[o])]);
        conv.Error = fit.RelativeError;
        var weightTensor = ConvParameters.Initializer(graph, conv.Node.Input[1]);
        if (weightTensor.Dims.Count != 4 || weightTensor.Dims[0] != keep.Length || weightTensor.Dims[1] != channels)
        {
            throw new InvalidOperationException(
                $"Conv '{conv.Node.Name}' weight is [{string.Join(",", weightTensor.Dims)}] but the fit is {keep.Length}×{channels}×{area}.");
        }

        var weights = fit.Weights.Select(w => (float)w).ToArray();
        var bias = fit.Bias.Select(b => (float)b).ToArray();
        ConvParameters.Write(weightTensor, weights);
        ConvParameters.Write(ConvParameters.BiasOf(graph, conv.Node, keep.Length), bias);
        return (weights, bias);
    }

    /// <summary>
    /// Moves each output channel's mean (and, with <see cref="ChannelLsCorrection.MeanAndVariance"/>, its standard deviation)
    /// over every position of the images to the original's: y' = a·y + b, folded into the Conv (W ← a·W, bias ← a·bias + b)
    /// and applied to the kept activation so that the next layers see it.
    /// </summary>
    private static void Correct(
        GraphProto graph, RefitConv conv, SegmentRunner.Activation y, int[] keep, float[] weights, float[] bias, ChannelLsCorrection mode)
    {
        var (images, outputs) = (y.Shape[0], y.Shape[1]);
        var plane = y.PerImage / outputs;
        var scale = new float[outputs];
        var shift = new float[outputs];
        Parallel.For(0, outputs, o =>
        {
            double s = 0, q = 0;
            for (var n = 0; n < images; n++)
            {
                foreach (var v in y.Data.AsSpan((n * y.PerImage) + (o * plane), plane))
                {
                    s += v;
                    q += (double)v * v;
                }
            }

            var count = (double)images * plane;
            var mean = s / count;
            var variance = Math.Max(0, (q / count) - (mean * mean));
            var a = 1.0;
            if (mode == ChannelLsCorrection.MeanAndVariance && variance > 1e-12 && conv.Variance[keep[o]] > 1e-12)
            {
                a = Math.Clamp(Math.Sqrt(conv.Variance[keep[o]] / variance), 0.25, 4);
            }

            scale[o] = (float)a;
            shift[o] = (float)(conv.Mean[keep[o]] - (a * mean));
        });

        var perOutput = weights.Length / outputs;
        for (var o = 0; o < outputs; o++)
        {
            for (var i = 0; i < perOutput; i++)
            {
                weights[(o * perOutput) + i] *= scale[o];
            }

            bias[o] = (scale[o] * bias[o]) + shift[o];
        }

        ConvParameters.Write(ConvParameters.Initializer(graph, conv.Node.Input[1]), weights);
        ConvParameters.Write(ConvParameters.Initializer(graph, conv.Node.Input[2]), bias);
        Parallel.For(0, images * outputs, i =>
        {
            var o = i % outputs;
            foreach (ref var v in y.Data.AsSpan(i * plane, plane))
            {
                v = (scale[o] * v) + shift[o];
            }
        });
    }
}
