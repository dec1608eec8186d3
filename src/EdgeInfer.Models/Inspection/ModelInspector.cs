using System.Text.Json;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Models.Files;
using EdgeInfer.Models.Repository;
using Onnx;

namespace EdgeInfer.Models.Inspection;

/// <summary>Reports parameters, MACs, size, inputs, outputs and trained/untrained for any ONNX model.</summary>
public static class ModelInspector
{
    /// <summary>
    /// Loads, validates and inspects the file at <paramref name="path"/>. <see cref="ModelInfo.Trained"/> comes from the
    /// model's <c>edgeinfer.trained</c> metadata, else from a <c>metadata.json</c> beside it (a repository variant).
    /// </summary>
    /// <exception cref="Core.EdgeInferInputException">The file is missing or not a valid ONNX model.</exception>
    public static ModelInfo Inspect(string path)
    {
        var model = OnnxModelFile.Load(path);
        var info = Inspect(model, new Bytes(new FileInfo(path).Length));
        return info.Trained is null && SidecarTrained(path) is { } trained ? info with { Trained = trained } : info;
    }

    /// <summary>Inspects an in-memory model whose serialized size is <paramref name="size"/>.</summary>
    public static ModelInfo Inspect(ModelProto model, Bytes size)
    {
        ArgumentNullException.ThrowIfNull(model);
        var graph = model.Graph ?? throw new ArgumentException("The model has no graph.", nameof(model));
        string? Meta(string key) => model.MetadataProps.FirstOrDefault(p => p.Key == key)?.Value;
        return new ModelInfo
        {
            Parameters = ParameterCounter.Count(graph),
            Macs = ShapeInference.Run(graph).Macs,
            Size = size,
            Inputs = [.. ModelValidator.RealInputs(graph).Select(TensorSpec.From)],
            Outputs = [.. graph.Output.Select(TensorSpec.From)],
            Trained = Meta(ModelSpecs.TrainedKey) switch { "true" => true, "false" => false, _ => null },
            Architecture = Meta(ModelSpecs.ArchitectureKey),
            Opset = model.OpsetImport.FirstOrDefault(o => o.Domain.Length == 0 || o.Domain == "ai.onnx")?.Version ?? 0,
            Nodes = graph.Node.Count,
            Producer = model.ProducerName,
        };
    }

    private static bool? SidecarTrained(string modelPath)
    {
        var sidecar = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(modelPath)) ?? ".", ModelRepository.MetadataFileName);
        if (!File.Exists(sidecar))
        {
            return null;
        }

        try
        {
            return ModelMetadata.Read(sidecar).Trained;
        }
        catch (Exception ex) when (ex is JsonException or IOException or Core.EdgeInferInputException)
        {
            return null;
        }
    }
}
