using EdgeInfer.Accuracy.Datasets;
using EdgeInfer.Core;
using EdgeInfer.Imaging;
using Onnx;

namespace EdgeInfer.Accuracy.Classifier;

/// <summary>
/// Turns the package's fixed-shape ResNet-18 into a batched feature extractor, and a feature extractor plus a
/// <see cref="LinearHead"/> into one standard ONNX classifier.
/// <list type="bullet">
/// <item>Input <c>input</c> <c>[N, 3, S, S]</c>: RGB pixels on the 0..255 scale (S = 224 or 112). The graph subtracts the package's
/// mean image (resized to S×S with the triangle filter), as <c>ResNetPreprocess.onnx</c> does; its RGB → BGR swap is folded
/// into the first conv (input channels reordered), so the graph holds only standard, shape-inferable operators.</item>
/// <item>Batch dimension symbolic <c>N</c>; intermediate shapes dropped so ORT infers them.</item>
/// <item>For S ≠ 224: the final 7×7 AveragePool becomes GlobalAveragePool, and 3×3 stride-2 convolutions get symmetric padding
/// <c>[1,1,1,1]</c> instead of CNTK's <c>[1,1,0,0]</c>, which would break the shortcut Add when a stage input is odd (7 → 3 vs 4).</item>
/// <item>Output <c>features</c> <c>[N, 512]</c> (Flatten after the pool); the classifier adds <c>(f − μ)·(1/σ)</c> and
/// a Gemm → <c>logits</c> <c>[N, classes]</c>.</item>
/// </list>
/// </summary>
public static class BackboneGraph
{
    /// <summary>Name of the image input of the built models.</summary>
    public const string InputName = "input";

    /// <summary>Name of the feature output of the extractor.</summary>
    public const string FeaturesName = "features";

    /// <summary>Name of the classifier output.</summary>
    public const string LogitsName = "logits";

    /// <summary>Feature width of ResNet-18.</summary>
    public const int FeatureCount = 512;

    /// <summary>The preprocessing these models expect from a dataset: square resize to S, raw 0..255 RGB.</summary>
    public static PreprocessOptions Preprocessing(int inputSize) => PreprocessOptions.Raw255(inputSize);

    /// <summary>Builds the batched feature extractor for input size <paramref name="inputSize"/> (112 or 224 recommended; 32..1024 allowed).</summary>
    public static ModelProto FeatureExtractor(int inputSize)
    {
        if (inputSize is < 32 or > 1024)
        {
            throw new EdgeInferInputException($"Input size {inputSize} is outside 32..1024 pixels.");
        }

        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(BackboneFiles.Backbone));
        var mean = MeanImage(inputSize);
        var g = model.Graph;
        if (g.Input.Count != 1 || g.Output.Count != 1)
        {
            throw new EdgeInferInputException(
                $"'{BackboneFiles.Backbone}' has {g.Input.Count} inputs and {g.Output.Count} outputs; the ResNet-18 backbone has one of each.");
        }

        string backboneInput = g.Input[0].Name;
        string pooled = g.Output[0].Name;
        g.ValueInfo.Clear();
        if (inputSize != 224)
        {
            foreach (var node in g.Node)
            {
                if (node.OpType == "AveragePool" && node.Output[0] == pooled)
                {
                    node.OpType = "GlobalAveragePool";
                    node.Attribute.Clear();
                }
                else if (node.OpType == "Conv" && Attr(node, "strides") is [2, 2] && Attr(node, "kernel_shape") is [3, 3] && Attr(node, "pads") is [1, 1, 0, 0])
                {
                    var pads = node.Attribute.First(a => a.Name == "pads");
                    pads.Ints.Clear();
                    pads.Ints.AddRange([1, 1, 1, 1]);
                }
            }
        }

        // RGB → BGR without a Split/Concat: the first conv reads channel c where it read channel 2 − c, and the mean image
        // is reordered the same way, so Sub(input, mean_rgb) feeds the permuted conv exactly what the BGR graph saw.
        SwapFirstConvInputChannels(g, backboneInput);
        var meanRgb = new float[mean.Length];
        int plane = inputSize * inputSize;
        for (int c = 0; c < 3; c++)
        {
            mean.AsSpan((2 - c) * plane, plane).CopyTo(meanRgb.AsSpan(c * plane, plane));
        }

        mean = meanRgb;
        g.Node.Insert(0, OnnxTensors.Node("Sub", "edgeinfer_sub_mean_image", [InputName, "edgeinfer_mean_image"], [backboneInput]));
        g.Initializer.Add(OnnxTensors.Create("edgeinfer_mean_image", [1, 3, inputSize, inputSize], mean));
        g.Node.Add(OnnxTensors.Node("Flatten", "edgeinfer_flatten", [pooled], [FeaturesName], OnnxTensors.Int("axis", 1)));
        g.Input.Clear();
        g.Input.Add(OnnxTensors.TensorInfo(InputName, "N", 3, inputSize, inputSize));
        g.Output.Clear();
        g.Output.Add(OnnxTensors.TensorInfo(FeaturesName, "N", FeatureCount));
        model.ProducerName = "EdgeInfer";
        model.ProducerVersion = typeof(BackboneGraph).Assembly.GetName().Version?.ToString() ?? "0";
        return model;
    }

    /// <summary>The extractor for <paramref name="inputSize"/> followed by standardisation and a Gemm with <paramref name="head"/>: one classifier.</summary>
    public static ModelProto Classifier(int inputSize, LinearHead head)
    {
        ArgumentNullException.ThrowIfNull(head);
        var model = FeatureExtractor(inputSize);
        var g = model.Graph;
        int classes = head.ClassCount;
        var invStd = head.FeatureStd.Select(s => 1f / s).ToArray();
        g.Initializer.Add(OnnxTensors.Create("edgeinfer_feature_mean", [FeatureCount], head.FeatureMean));
        g.Initializer.Add(OnnxTensors.Create("edgeinfer_feature_inv_std", [FeatureCount], invStd));
        g.Initializer.Add(OnnxTensors.Create("edgeinfer_head_weight", [classes, FeatureCount], head.Weights));
        g.Initializer.Add(OnnxTensors.Create("edgeinfer_head_bias", [classes], head.Bias));
        g.Node.Add(OnnxTensors.Node("Sub", "edgeinfer_center", [FeaturesName, "edgeinfer_feature_mean"], ["edgeinfer_centered"]));
        g.Node.Add(OnnxTensors.Node("Mul", "edgeinfer_scale", ["edgeinfer_centered", "edgeinfer_feature_inv_std"], ["edgeinfer_standardized"]));
        g.Node.Add(OnnxTensors.Node(
            "Gemm", "edgeinfer_head", ["edgeinfer_standardized", "edgeinfer_head_weight", "edgeinfer_head_bias"], [LogitsName], OnnxTensors.Int("transB", 1)));
        g.Output.Clear();
        g.Output.Add(OnnxTensors.TensorInfo(LogitsName, "N", classes));
        return model;
    }

    /// <summary>The package's BGR mean image resized to <paramref name="size"/>×<paramref name="size"/> (CHW, 0..255 scale).</summary>
    public static float[] MeanImage(int size)
    {
        var prep = ModelProto.Parser.ParseFrom(File.ReadAllBytes(BackboneFiles.Preprocess));
        var tensor = prep.Graph.Initializer.FirstOrDefault(t => t.Dims.Count == 4 && t.Dims[1] == 3)
            ?? throw new EdgeInferInputException($"'{BackboneFiles.Preprocess}' holds no [1,3,H,W] mean image.");
        var values = OnnxTensors.ReadFloats(tensor);
        int h = (int)tensor.Dims[2];
        int w = (int)tensor.Dims[3];
        if (h == size && w == size)
        {
            return values;
        }

        var kx = ResampleKernel.Create(w, size, 0, size);
        var ky = ResampleKernel.Create(h, size, 0, size);
        var result = new float[3 * size * size];
        var rows = new float[h * size];
        for (int c = 0; c < 3; c++)
        {
            var plane = values.AsSpan(c * h * w, h * w);
            for (int y = 0; y < h; y++)
            {
                for (int j = 0; j < size; j++)
                {
                    float acc = 0;
                    for (int t = 0; t < kx.Count[j]; t++)
                    {
                        acc += kx.Weights[(j * kx.Stride) + t] * plane[(y * w) + kx.Start[j] + t];
                    }

                    rows[(y * size) + j] = acc;
                }
            }

            for (int i = 0; i < size; i++)
            {
                for (int j = 0; j < size; j++)
                {
                    float acc = 0;
                    for (int t = 0; t < ky.Count[i]; t++)
                    {
                        acc += ky.Weights[(i * ky.Stride) + t] * rows[((ky.Start[i] + t) * size) + j];
                    }

                    result[(c * size * size) + (i * size) + j] = acc;
                }
            }
        }

        return result;
    }

    private static void SwapFirstConvInputChannels(GraphProto g, string backboneInput)
    {
        var conv = g.Node.FirstOrDefault(n => n.OpType == "Conv" && n.Input[0] == backboneInput)
            ?? throw new EdgeInferInputException("The backbone's input does not feed a Conv; it is not the expected ResNet-18.");
        int index = g.Initializer.ToList().FindIndex(t => t.Name == conv.Input[1]);
        var weight = g.Initializer[index];
        if (weight.Dims.Count != 4 || weight.Dims[1] != 3)
        {
            throw new EdgeInferInputException($"The first conv weight has dims [{string.Join(",", weight.Dims)}]; [M,3,kH,kW] was expected.");
        }

        var values = OnnxTensors.ReadFloats(weight);
        var swapped = new float[values.Length];
        int k = (int)(weight.Dims[2] * weight.Dims[3]);
        for (int m = 0; m < weight.Dims[0]; m++)
        {
            for (int c = 0; c < 3; c++)
            {
                values.AsSpan((((m * 3) + 2 - c) * k), k).CopyTo(swapped.AsSpan(((m * 3) + c) * k, k));
            }
        }

        g.Initializer[index] = OnnxTensors.Create(weight.Name, weight.Dims.ToArray(), swapped);
    }

    private static long[] Attr(NodeProto node, string name) => node.Attribute.FirstOrDefault(a => a.Name == name)?.Ints.ToArray() ?? [];
}
