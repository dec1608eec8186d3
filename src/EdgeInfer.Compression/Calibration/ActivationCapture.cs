using EdgeInfer.Core;
using EdgeInfer.Runtime.Execution;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Onnx;

namespace EdgeInfer.Compression.Calibration;

/// <summary>
/// Reads intermediate tensors of a model on calibration images with ONNX Runtime itself (no second inference engine):
/// a temporary copy of the model lists the wanted tensors as extra graph outputs, and each batch's values are handed to
/// a callback, so callers keep only the statistics or samples they need, never every activation of every image.
/// </summary>
public static class ActivationCapture
{
    /// <summary>Images per ORT run when the model's batch dimension is free (a fixed batch of 1 runs image by image).</summary>
    public const int DefaultBatchSize = 32;

    /// <summary>
    /// Runs <paramref name="model"/> (not changed) over <paramref name="images"/> and calls <paramref name="onBatch"/> with
    /// the tensors named in <paramref name="tensors"/> (float tensors: node outputs, graph inputs or outputs).
    /// </summary>
    /// <param name="model">The model; a copy gets the extra outputs.</param>
    /// <param name="tensors">Names of the tensors to capture, distinct; none: nothing is run and <paramref name="onBatch"/> is not called.</param>
    /// <param name="images">Preprocessed images that fit the model's single image input.</param>
    /// <param name="onBatch">Called once per batch, in image order; the arrays are the caller's to keep.</param>
    /// <param name="batchSize">Images per run (≥ 1); lowered to 1 when the model's batch dimension is fixed at 1.</param>
    /// <param name="intraOpThreads">ORT intra-op threads; null = all cores.</param>
    /// <exception cref="EdgeInferInputException">The model has not one input, or the images do not fit it, or a tensor is unknown.</exception>
    public static void Run(
        ModelProto model,
        IReadOnlyCollection<string> tensors,
        CalibrationSet images,
        Action<CapturedBatch> onBatch,
        int batchSize = DefaultBatchSize,
        int? intraOpThreads = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tensors);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(onBatch);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var input = ImageInput(model, images, ref batchSize);
        if (tensors.Count == 0)
        {
            // Nothing to capture (a model without the layers a caller reads): ORT refuses a run with no outputs.
            return;
        }

        var copy = WithOutputs(model, tensors);
        var runtime = new RuntimeOptions { Role = RuntimeRole.Edge, IntraOpThreads = intraOpThreads }.Validated();
        using var options = OrtSessionOptions.Create(runtime);
        using var session = new InferenceSession(copy.ToByteArray(), options);
        var names = tensors.ToArray();
        for (var start = 0; start < images.Count; start += batchSize)
        {
            var count = Math.Min(batchSize, images.Count - start);
            var pixels = images.Images(start, count);
            var tensor = new DenseTensor<float>(MemoryOf(pixels), [count, images.Channels, images.Height, images.Width]);
            using var results = session.Run([NamedOnnxValue.CreateFromTensor(input, tensor)], names);
            var captured = new Dictionary<string, CapturedTensor>(StringComparer.Ordinal);
            foreach (var result in results)
            {
                var values = result.AsTensor<float>();
                captured[result.Name] = new CapturedTensor(values.ToArray(), values.Dimensions.ToArray());
            }

            onBatch(new CapturedBatch(start, count, captured));
        }
    }

    /// <summary>The model's one non-initializer input, checked against the images; lowers the batch to 1 if it is fixed.</summary>
    private static string ImageInput(ModelProto model, CalibrationSet images, ref int batchSize)
    {
        var initializers = model.Graph.Initializer.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var inputs = model.Graph.Input.Where(i => !initializers.Contains(i.Name)).ToList();
        if (inputs.Count != 1)
        {
            throw new EdgeInferInputException($"Calibration needs a model with one image input; this one has {inputs.Count} inputs.");
        }

        var dims = inputs[0].Type?.TensorType?.Shape?.Dim;
        if (dims is { Count: 4 })
        {
            long[] want = [-1, images.Channels, images.Height, images.Width];
            for (var i = 1; i < 4; i++)
            {
                if (dims[i].ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue && dims[i].DimValue != want[i])
                {
                    throw new EdgeInferInputException(
                        $"Calibration images are {images.Channels}×{images.Height}×{images.Width}, but input '{inputs[0].Name}' is "
                        + $"[{string.Join(",", dims.Select(DimText))}].");
                }
            }

            if (dims[0].ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue && dims[0].DimValue == 1)
            {
                batchSize = 1;
            }
        }

        return inputs[0].Name;
    }

    private static string DimText(TensorShapeProto.Types.Dimension d) =>
        d.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue
            ? d.DimValue.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : d.DimParam;

    /// <summary>A copy of <paramref name="model"/> whose graph outputs also list <paramref name="tensors"/> (as float tensors of any shape).</summary>
    private static ModelProto WithOutputs(ModelProto model, IReadOnlyCollection<string> tensors)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        known.UnionWith(model.Graph.Input.Select(i => i.Name));
        known.UnionWith(model.Graph.Node.SelectMany(n => n.Output));
        var copy = model.Clone();
        var outputs = copy.Graph.Output.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in tensors)
        {
            if (!known.Contains(name))
            {
                throw new EdgeInferInputException($"Tensor '{name}' is not produced by any node or input of the model.");
            }

            if (outputs.Add(name))
            {
                copy.Graph.Output.Add(new ValueInfoProto
                {
                    Name = name,
                    Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } },
                });
            }
        }

        return copy;
    }

    /// <summary>ORT's DenseTensor wants writable memory; the set's images are only read, so the cast is safe.</summary>
    private static Memory<float> MemoryOf(ReadOnlyMemory<float> pixels) =>
        System.Runtime.InteropServices.MemoryMarshal.AsMemory(pixels);
}
