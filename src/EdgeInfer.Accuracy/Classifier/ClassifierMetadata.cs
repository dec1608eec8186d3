using EdgeInfer.Imaging;
using Onnx;

namespace EdgeInfer.Accuracy.Classifier;

/// <summary>
/// The metadata EdgeInfer stores in a classifier's ONNX <c>metadata_props</c>: whether it is trained, the preprocessing it
/// expects, its class names and provenance. Read back by <c>edgeinfer evaluate</c> for models given by path.
/// </summary>
public static class ClassifierMetadata
{
    /// <summary><c>true</c> or <c>false</c>: whether the weights were learned from data (accuracy is meaningful).</summary>
    public const string TrainedKey = Models.ModelSpecs.TrainedKey;

    /// <summary>The <see cref="PreprocessOptions.ToSpec"/> string of the expected input.</summary>
    public const string PreprocessKey = Models.ModelSpecs.PreprocessKey;

    /// <summary>Class names joined by <c>|</c>, index = class.</summary>
    public const string ClassesKey = "edgeinfer.classes";

    /// <summary>Where the weights come from and how they were trained (JSON).</summary>
    public const string ProvenanceKey = "edgeinfer.provenance";

    /// <summary>Sets (or replaces) <paramref name="key"/> in the model's metadata.</summary>
    public static void Set(ModelProto model, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(model);
        var existing = model.MetadataProps.FirstOrDefault(p => p.Key == key);
        if (existing is not null)
        {
            existing.Value = value;
        }
        else
        {
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        }
    }

    /// <summary>The value of <paramref name="key"/>, or null.</summary>
    public static string? Get(ModelProto model, string key)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.MetadataProps.FirstOrDefault(p => p.Key == key)?.Value;
    }

    /// <summary>True/false when the model says whether it is trained; null when it does not say.</summary>
    public static bool? Trained(ModelProto model) => Get(model, TrainedKey) switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    /// <summary>The expected preprocessing, or null when the model does not say.</summary>
    public static PreprocessOptions? Preprocessing(ModelProto model) => Get(model, PreprocessKey) is { } spec ? PreprocessOptions.ParseSpec(spec) : null;
}
