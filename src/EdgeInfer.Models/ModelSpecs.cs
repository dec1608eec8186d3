using Onnx;

namespace EdgeInfer.Models;

/// <summary>
/// The contract every catalog model follows: input <c>input</c>, float32 NCHW <c>[N,3,224,224]</c> with a symbolic
/// batch dimension <c>N</c>; output <c>logits</c>, float32 <c>[N,1000]</c> (ImageNet classes, no softmax).
/// Also the <c>metadata_props</c> keys EdgeInfer writes into the models it builds.
/// </summary>
public static class ModelSpecs
{
    /// <summary>Name of the image input.</summary>
    public const string InputName = "input";

    /// <summary>Name of the class-score output.</summary>
    public const string OutputName = "logits";

    /// <summary>Symbolic batch dimension name.</summary>
    public const string BatchDim = "N";

    /// <summary>Image side in pixels (224).</summary>
    public const int ImageSize = 224;

    /// <summary>Number of ImageNet classes (1000).</summary>
    public const int Classes = 1000;

    /// <summary>metadata_props key: <c>"true"</c> or <c>"false"</c>; built models are always <c>"false"</c> (untrained).</summary>
    public const string TrainedKey = "edgeinfer.trained";

    /// <summary>metadata_props key: the catalog architecture name.</summary>
    public const string ArchitectureKey = "edgeinfer.architecture";

    /// <summary>
    /// metadata_props key: the input preprocessing a classifier expects, as <c>resize=R;crop=C;mean=a,b,c;std=a,b,c;order=rgb</c>
    /// (EdgeInfer.Imaging's <c>PreprocessOptions.ToSpec</c>); absent: the ImageNet standard at the input size.
    /// </summary>
    public const string PreprocessKey = "edgeinfer.preprocess";

    /// <summary>metadata_props key: the weight seed (decimal).</summary>
    public const string SeedKey = "edgeinfer.seed";

    /// <summary>A fresh <c>input</c> value info: float32 [N,3,224,224].</summary>
    public static ValueInfoProto ImageInput() => FloatValue(InputName, BatchDim, 3, ImageSize, ImageSize);

    /// <summary>A fresh <c>logits</c> value info: float32 [N,1000].</summary>
    public static ValueInfoProto LogitsOutput() => FloatValue(OutputName, BatchDim, Classes);

    /// <summary>A float32 value info named <paramref name="name"/> with a symbolic first (batch) dimension and fixed others.</summary>
    public static ValueInfoProto FloatValue(string name, string batch, params long[] dims)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = batch });
        foreach (var d in dims)
        {
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }
}
