using EdgeInfer.Compression.Calibration;

namespace EdgeInfer.Compression.Structured;

/// <summary>
/// One pass of the original network over the calibration images (ONNX Runtime, every re-fitted Conv's input and output as
/// extra outputs): for each Conv, the targets of the re-fit (its outputs at the sampled positions of the first
/// <c>sequential</c> images), the per-channel statistics of its output on those images, and the contribution Grams that
/// rank the channels of the groups it reads (all images).
/// </summary>
internal static class OriginalPass
{
    /// <summary>Runs the pass; fills every <see cref="RefitConv"/>'s targets, statistics and accumulators.</summary>
    public static void Run(
        Onnx.ModelProto model, IReadOnlyList<RefitConv> convs, CalibrationSet images, int sequential, ChannelLsOptions options, int batchSize)
    {
        var names = convs.SelectMany(c => new[] { c.Input, c.Output }).Distinct(StringComparer.Ordinal).ToList();
        var sums = convs.Select(c => (Sum: new double[c.Outputs], Square: new double[c.Outputs])).ToArray();
        ActivationCapture.Run(
            model,
            names,
            images,
            batch =>
            {
                Parallel.For(0, convs.Count, i => Take(convs[i], batch, sequential, options, sums[i]));
                if (batch.Tensors.Values.Sum(t => (long)t.Data.Length) > (16L << 20))
                {
                    // Each batch of a big network leaves hundreds of MB of captured arrays on the large-object heap, which
                    // the GC would otherwise let grow to many GB before a full collection.
                    GC.Collect();
                }
            },
            batchSize,
            options.IntraOpThreads);
        for (var i = 0; i < convs.Count; i++)
        {
            var conv = convs[i];
            var n = (double)sequential * conv.OutputSize.H * conv.OutputSize.W;
            conv.Mean = [.. sums[i].Sum.Select(s => s / n)];
            conv.Variance = [.. sums[i].Square.Select((s, o) => Math.Max(0, (s / n) - (conv.Mean[o] * conv.Mean[o])))];
            var energy = conv.Variance.Select((v, o) => v * conv.OutputWeights[o]).Sum() / conv.Outputs;
            foreach (var accumulator in conv.Contributions)
            {
                accumulator.EnergyPerPair = energy;
            }
        }
    }

    private static void Take(RefitConv conv, CapturedBatch batch, int sequential, ChannelLsOptions options, (double[] Sum, double[] Square) sums)
    {
        var input = batch.Tensors[conv.Input];
        var output = batch.Tensors[conv.Output];
        var (channels, height, width) = (input.Shape[1], input.Shape[2], input.Shape[3]);
        var (oh, ow) = (output.Shape[2], output.Shape[3]);
        if (conv.PositionsPerImage == 0)
        {
            conv.Geometry = ConvGeometry.Of(conv.Node, conv.KernelH, conv.KernelW, height, width);
            conv.OutputSize = (oh, ow);
            conv.PositionsPerImage = PositionSampler.PerImage(options.SampledRows, sequential, oh * ow);
            conv.Targets = new float[(long)sequential * conv.PositionsPerImage * conv.Outputs];
        }

        var p = conv.PositionsPerImage;
        var plane = oh * ow;
        var rowLength = channels * conv.Geometry.KernelArea;
        var row = new double[rowLength];
        // The sampled contributions only serve the He et al. ranking; the surgeon needs the input pixels alone.
        var pairs = options.Selection == ChannelLsSelection.Contributions ? options.PairsPerPosition : 0;
        var z = conv.Contributions.Select(a => new double[batch.Count * p * pairs * a.Channels]).ToArray();
        var picked = new int[batch.Count * p * pairs];
        var pixels = conv.Contributions.Select(a => new double[batch.Count * p * a.Channels]).ToArray();
        for (var b = 0; b < batch.Count; b++)
        {
            var n = batch.Start + b;
            var image = input.Data.AsSpan(b * channels * height * width, channels * height * width);
            var outs = output.Data.AsSpan(b * conv.Outputs * plane, conv.Outputs * plane);
            var positions = PositionSampler.Sample(options.Seed, conv.Index, n, plane, p);
            if (n < sequential)
            {
                Record(conv, outs, positions, n, sums);
            }

            if (conv.Contributions.Count == 0)
            {
                continue;
            }

            var random = new Random(unchecked((options.Seed * 31) + (conv.Index * 1_000_003) + (n * 7_919) + 17));
            for (var i = 0; i < positions.Length; i++)
            {
                conv.Geometry.Im2ColRow(image, channels, height, width, positions[i] / ow, positions[i] % ow, row);
                for (var a = 0; a < pixels.Length; a++)
                {
                    Centre(conv, conv.Contributions[a], row, pixels[a].AsSpan(((b * p) + i) * conv.Contributions[a].Channels));
                }

                for (var k = 0; k < pairs; k++)
                {
                    var pair = (((b * p) + i) * pairs) + k;
                    picked[pair] = random.Next(conv.Outputs);
                    for (var a = 0; a < z.Length; a++)
                    {
                        Contributions(conv, conv.Contributions[a], row, picked[pair], z[a].AsSpan(pair * conv.Contributions[a].Channels));
                    }
                }
            }
        }

        for (var a = 0; a < z.Length; a++)
        {
            if (pairs > 0)
            {
                conv.Contributions[a].Add(z[a], picked, picked.Length);
            }

            if (conv.Contributions[a].Ranked)
            {
                conv.Contributions[a].AddInputs(pixels[a], batch.Count * p);
            }
        }
    }

    /// <summary>z_c = √w_o · Σ_k W[o, offset + c, k]·x[offset + c, k] for the group's M channels.</summary>
    private static void Contributions(RefitConv conv, ContributionAccumulator group, double[] row, int o, Span<double> z)
    {
        var area = conv.Geometry.KernelArea;
        var weights = conv.Weight.AsSpan(o * conv.Inputs * area, conv.Inputs * area);
        var scale = Math.Sqrt(conv.OutputWeights[o]);
        for (var c = 0; c < group.Channels; c++)
        {
            var at = (group.Offset + c) * area;
            double sum = 0;
            for (var k = 0; k < area; k++)
            {
                sum += weights[at + k] * row[at + k];
            }

            z[c] = scale * sum;
        }
    }

    /// <summary>The group's channels at the kernel's centre tap of an im2col row (the input pixel the position is centred on).</summary>
    private static void Centre(RefitConv conv, ContributionAccumulator group, double[] row, Span<double> x)
    {
        var area = conv.Geometry.KernelArea;
        var centre = ((conv.KernelH / 2) * conv.KernelW) + (conv.KernelW / 2);
        for (var c = 0; c < group.Channels; c++)
        {
            x[c] = row[((group.Offset + c) * area) + centre];
        }
    }

    private static void Record(RefitConv conv, ReadOnlySpan<float> outs, int[] positions, int n, (double[] Sum, double[] Square) sums)
    {
        var plane = conv.OutputSize.H * conv.OutputSize.W;
        var p = positions.Length;
        for (var o = 0; o < conv.Outputs; o++)
        {
            var channel = outs.Slice(o * plane, plane);
            double s = 0, q = 0;
            foreach (var v in channel)
            {
                s += v;
                q += (double)v * v;
            }

            sums.Sum[o] += s;
            sums.Square[o] += q;
            for (var i = 0; i < p; i++)
            {
                conv.Targets[(((long)n * p) + i) * conv.Outputs + o] = channel[positions[i]];
            }
        }
    }
}
