using EdgeInfer.Models.Repository;
using Onnx;

namespace EdgeInfer.Models.Catalog;

/// <summary>
/// A network EdgeInfer can build from code. Built models are <b>untrained</b> (seeded He-normal weights):
/// valid for latency, size and pruning time, never for accuracy.
/// </summary>
public sealed class CatalogModel
{
    private readonly Func<ulong?, ModelProto> build;

    internal CatalogModel(string name, IReadOnlyList<string> aliases, string description, long parameters, Func<ulong?, ModelProto> build)
    {
        Name = name;
        Aliases = aliases;
        Description = description;
        Parameters = parameters;
        this.build = build;
    }

    /// <summary>Canonical name (repository folder name), e.g. <c>resnet152</c>.</summary>
    public string Name { get; }

    /// <summary>Other accepted names, e.g. <c>mobilenet-v1</c>.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>One line: paper and configuration.</summary>
    public string Description { get; }

    /// <summary>Reference parameter count (weights, biases, BatchNorm scale and bias; not running statistics).</summary>
    public long Parameters { get; }

    /// <summary>
    /// Builds the full model with weights generated from <paramref name="seed"/> in <c>raw_data</c>.
    /// The same seed always gives the same serialized bytes.
    /// </summary>
    public ModelProto Build(ulong seed) => build(seed);

    /// <summary>Builds the graph with initializer dims but no weight data: enough to count parameters and MACs, not to run.</summary>
    public ModelProto BuildShapeOnly() => build(null);

    /// <summary>The repository request for a build of this model: variant <c>full</c>, untrained, source <c>catalog:NAME</c>.</summary>
    public ModelAddRequest RepositoryRequest(ulong seed) => new()
    {
        Name = Name,
        Trained = false,
        Source = CatalogSource,
        Architecture = Name,
        Seed = seed,
    };

    /// <summary>The <see cref="ModelMetadata.Source"/> of built models: <c>catalog:NAME</c>.</summary>
    public string CatalogSource => "catalog:" + Name;

    /// <inheritdoc/>
    public override string ToString() => Name;
}
