using EdgeInfer.Models.Repository;

namespace EdgeInfer.Contracts;

/// <summary>
/// <c>GET /v1/models/{name}</c>, and one entry of the catalog: a model's inputs and outputs, every variant, and its
/// recorded accuracy (<c>accuracy.json</c>: one record per variant name with its dataset and image count; null when
/// none), from which a device reads the Top-1/Top-5 of a variant the edge has not built yet.
/// </summary>
public sealed record ModelView(
    string Name,
    string? Architecture,
    bool Trained,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs,
    IReadOnlyList<VariantView> Variants,
    ModelAccuracy? Accuracy);
