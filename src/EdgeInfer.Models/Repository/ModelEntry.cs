namespace EdgeInfer.Models.Repository;

/// <summary>A complete variant in a <see cref="ModelRepository"/>: its <c>model.onnx</c> path and its metadata.</summary>
public sealed record ModelEntry(string Name, string Variant, string ModelPath, ModelMetadata Metadata)
{
    /// <summary>The variant's folder.</summary>
    public string Directory => Path.GetDirectoryName(ModelPath)!;
}
