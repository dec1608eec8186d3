using System.Text.Json;
using System.Text.Json.Serialization;
using EdgeInfer.Core;
using EdgeInfer.Models.Inspection;

namespace EdgeInfer.Models.Repository;

/// <summary>
/// The <c>metadata.json</c> of a repository variant (camelCase JSON). Written after <c>model.onnx</c>, so a variant
/// with metadata always has a complete model.
/// </summary>
public sealed record ModelMetadata
{
    /// <summary>JSON style of metadata files.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Model name (folder under the repository root).</summary>
    public required string Name { get; init; }

    /// <summary>Variant name (folder under the model), e.g. <c>full</c> or a pruned variant.</summary>
    public required string Variant { get; init; }

    /// <summary>Catalog architecture for built models, else null.</summary>
    public string? Architecture { get; init; }

    /// <summary>Learned parameters (weights, biases, BatchNorm scale and bias).</summary>
    public required long Parameters { get; init; }

    /// <summary>Multiply-accumulates for one 224×224 image; null when the shapes are not static.</summary>
    public long? Macs { get; init; }

    /// <summary>Size of <c>model.onnx</c> in bytes.</summary>
    public required long SizeBytes { get; init; }

    /// <summary>Graph inputs.</summary>
    public required IReadOnlyList<TensorSpec> Inputs { get; init; }

    /// <summary>Graph outputs.</summary>
    public required IReadOnlyList<TensorSpec> Outputs { get; init; }

    /// <summary>False for EdgeInfer-built models (seeded weights: latency and size only, never accuracy).</summary>
    public required bool Trained { get; init; }

    /// <summary>Where it came from: <c>catalog:resnet152</c>, an imported file's full path, or the variant it was pruned from.</summary>
    public required string Source { get; init; }

    /// <summary>Weight seed of built models.</summary>
    public ulong? Seed { get; init; }

    /// <summary>Pruning factor in [0, 1) for pruned variants, else null.</summary>
    public double? PruningFactor { get; init; }

    /// <summary>Pruning method (e.g. <c>unstructured</c>, <c>structured</c>) for pruned variants, else null.</summary>
    public string? PruningMethod { get; init; }

    /// <summary>Fraction of the full model's MACs kept, for variants pruned to a MACs budget (their pruning factor is 0); else null.</summary>
    public double? MacsBudget { get; init; }

    /// <summary>Number format of quantized variants (<c>int8</c>); null for float models.</summary>
    public string? Precision { get; init; }

    /// <summary>When the variant was written (UTC).</summary>
    public required DateTimeOffset CreatedUtc { get; init; }

    /// <summary>Reads a metadata file.</summary>
    /// <exception cref="EdgeInferInputException">The file is not valid metadata JSON.</exception>
    public static ModelMetadata Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<ModelMetadata>(File.ReadAllBytes(path), JsonOptions)
                   ?? throw new EdgeInferInputException($"'{path}' holds null instead of model metadata.");
        }
        catch (JsonException ex)
        {
            throw new EdgeInferInputException($"'{path}' is not valid model metadata: {ex.Message}", ex);
        }
    }

    /// <summary>The UTF-8 JSON bytes of this metadata.</summary>
    public byte[] ToJsonBytes() => JsonSerializer.SerializeToUtf8Bytes(this, JsonOptions);
}
