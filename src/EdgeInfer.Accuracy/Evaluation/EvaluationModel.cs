using EdgeInfer.Accuracy.Classifier;
using EdgeInfer.Core;
using EdgeInfer.Imaging;
using EdgeInfer.Models.Repository;
using Onnx;

namespace EdgeInfer.Accuracy.Evaluation;

/// <summary>
/// A classifier to evaluate: its ONNX bytes, where it came from, and the preprocessing it expects. Untrained models
/// (the generated catalog networks, or any model whose repository metadata or ONNX metadata says <c>trained=false</c>)
/// are refused: their weights are random, so any accuracy would only measure chance.
/// </summary>
public sealed class EvaluationModel
{
    private EvaluationModel(byte[] bytes, string description, PreprocessOptions preprocessing, IReadOnlyList<string>? classNames)
    {
        Bytes = bytes;
        Description = description;
        Preprocessing = preprocessing;
        ClassNames = classNames;
    }

    /// <summary>The model as ONNX bytes.</summary>
    public byte[] Bytes { get; }

    /// <summary>The repository entry or path the model came from.</summary>
    public string Description { get; }

    /// <summary>Preprocessing from the model's <c>edgeinfer.preprocess</c> metadata, else ImageNet's at the model's input size.</summary>
    public PreprocessOptions Preprocessing { get; }

    /// <summary>Class names from the model's metadata, when it has them.</summary>
    public IReadOnlyList<string>? ClassNames { get; }

    /// <summary>
    /// Loads <paramref name="nameOrPath"/>: an existing <c>.onnx</c> file, or a model name (optionally <c>NAME/VARIANT</c>) in
    /// the repository at <paramref name="repositoryRoot"/> (default repository when null).
    /// </summary>
    /// <exception cref="EdgeInferInputException">Missing model, unreadable file, or an untrained model.</exception>
    public static EvaluationModel Load(string nameOrPath, string? repositoryRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(nameOrPath);
        string path;
        string description;
        if (File.Exists(nameOrPath))
        {
            path = nameOrPath;
            description = nameOrPath;
        }
        else
        {
            var parts = nameOrPath.Split('/', 2);
            var entry = ModelRepository.Open(repositoryRoot).Get(parts[0], parts.Length > 1 ? parts[1] : ModelRepository.FullVariant);
            if (!entry.Metadata.Trained)
            {
                throw Untrained($"{entry.Name}/{entry.Variant}", entry.Metadata.Source);
            }

            path = entry.ModelPath;
            description = $"{entry.Name}/{entry.Variant}";
        }

        var bytes = File.ReadAllBytes(path);
        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(bytes);
        }
        catch (Google.Protobuf.InvalidProtocolBufferException ex)
        {
            throw new EdgeInferInputException($"'{path}' is not an ONNX model: {ex.Message}", ex);
        }

        if (ClassifierMetadata.Trained(model) == false)
        {
            throw Untrained(description, ClassifierMetadata.Get(model, "edgeinfer.architecture") ?? "generated");
        }

        var preprocessing = PreprocessingOf(model, description);
        var classes = ClassifierMetadata.Get(model, ClassifierMetadata.ClassesKey)?.Split('|');
        return new EvaluationModel(bytes, description, preprocessing, classes);
    }

    /// <summary>
    /// The preprocessing <paramref name="model"/> expects: its <c>edgeinfer.preprocess</c> metadata, else the ImageNet
    /// standard at its input size (224 when the size is not static). Also what calibration images are prepared with.
    /// </summary>
    /// <param name="model">The model (not changed).</param>
    /// <param name="description">How the model is named in messages.</param>
    /// <exception cref="EdgeInferInputException">The model's preprocessing metadata is malformed.</exception>
    public static PreprocessOptions PreprocessingOf(ModelProto model, string description = "the model")
    {
        ArgumentNullException.ThrowIfNull(model);
        try
        {
            return ClassifierMetadata.Preprocessing(model) ?? DefaultPreprocessing(model);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException)
        {
            // The file's own metadata is malformed: the user's file, not a bug here.
            throw new EdgeInferInputException($"'{description}' has malformed preprocessing metadata: {ex.Message}", ex);
        }
    }

    private static PreprocessOptions DefaultPreprocessing(ModelProto model)
    {
        var dims = model.Graph?.Input.FirstOrDefault()?.Type?.TensorType?.Shape?.Dim;
        var size = dims is { Count: 4 } && dims[2].DimValue > 0 ? dims[2].DimValue : 224;
        return PreprocessOptions.ImageNet with { ResizeShorterSide = (int)Math.Max(size, size * 256 / 224), CropSize = (int)size };
    }

    private static EdgeInferInputException Untrained(string what, string source) => new(
        $"Model '{what}' is untrained (source: {source}): its weights are random (seeded He-normal), so its Top-1/Top-5 would " +
        "only measure chance (about 1/classes) and say nothing about pruning. Evaluate a trained model instead, e.g. " +
        "a trained classifier (resnet18-fmnist), or a trained ONNX file.");
}
