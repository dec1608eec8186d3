using EdgeInfer.Core;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Models.Files;
using EdgeInfer.Models.Inspection;
using Onnx;

namespace EdgeInfer.Models.Repository;

public sealed partial class ModelRepository
{
    /// <summary>
    /// Writes an in-memory model as a variant (model first, metadata last, both atomic) and returns it. The model is
    /// validated first (<see cref="ModelValidator"/>): an invalid one is an <see cref="ArgumentException"/> listing the problems.
    /// </summary>
    public ModelEntry Add(ModelProto model, ModelAddRequest request)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(request);
        request.Validated();
        var problems = ModelValidator.Validate(model);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Model for '{request.Name}/{request.Variant}' is invalid: {string.Join("; ", problems.Take(5))}.", nameof(model));
        }
        return Write(request, stream => OnnxModelFile.Write(model, stream), size => ModelInspector.Inspect(model, size));
    }

    /// <summary>
    /// Writes a variant whose bytes come from <paramref name="writeModel"/> (e.g. a pruner's own writer). The written
    /// file is then loaded, validated and inspected; an invalid model is removed and rejected.
    /// </summary>
    public ModelEntry Add(ModelAddRequest request, Action<Stream> writeModel)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(writeModel);
        return Write(request, writeModel, null);
    }

    /// <summary>
    /// Copies a user ONNX file into the repository after validating it: it must parse, be structurally valid and have a
    /// float32 input. The copy is byte-identical (weights stay in <c>raw_data</c> or <c>float_data</c> as they were).
    /// A file whose metadata marks it untrained (<see cref="ModelSpecs.TrainedKey"/> = false) is recorded untrained.
    /// </summary>
    /// <exception cref="EdgeInferInputException">The file is missing, not ONNX, truncated, or has no float input; the message names it.</exception>
    public ModelEntry Import(string sourcePath, ModelAddRequest request)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourcePath);
        ArgumentNullException.ThrowIfNull(request);
        request.Validated();
        var model = OnnxModelFile.Load(sourcePath);
        if (OnnxModelFile.FloatInput(model) is null)
        {
            var inputs = ModelValidator.RealInputs(model.Graph).Select(i => TensorSpec.From(i).ToString()).ToList();
            throw new EdgeInferInputException(
                $"'{sourcePath}' has no float32 input (inputs: {(inputs.Count == 0 ? "none" : string.Join(", ", inputs))}); EdgeInfer feeds float32 images.");
        }

        // A model EdgeInfer built itself says so in its metadata: it stays untrained whatever the request claims.
        if (model.MetadataProps.Any(p => p.Key == ModelSpecs.TrainedKey && p.Value == "false"))
        {
            request = request with { Trained = false };
        }

        var size = new Bytes(new FileInfo(sourcePath).Length);
        return Write(request, stream =>
        {
            using var source = new FileStream(sourcePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
            source.CopyTo(stream, 1 << 20);
        }, _ => ModelInspector.Inspect(model, size));
    }

    /// <summary>Removes a variant (metadata first, so it disappears at once); false when it was not there.</summary>
    public bool Remove(string name, string variant = FullVariant)
    {
        var directory = VariantDirectory(name, variant);
        if (!Directory.Exists(directory))
        {
            return false;
        }

        File.Delete(Path.Combine(directory, MetadataFileName));
        Directory.Delete(directory, recursive: true);
        DeleteIfEmpty(Path.GetDirectoryName(directory)!);
        return true;
    }

    private ModelEntry Write(ModelAddRequest request, Action<Stream> writeModel, Func<Bytes, ModelInfo>? inspect)
    {
        request.Validated();
        var directory = VariantDirectory(request.Name, request.Variant);
        var modelPath = Path.Combine(directory, ModelFileName);
        var metadataPath = Path.Combine(directory, MetadataFileName);
        var modelDirectory = Path.GetDirectoryName(directory)!;
        var newModelDirectory = !Directory.Exists(modelDirectory);
        Directory.CreateDirectory(directory);

        var modelWritten = false;
        try
        {
            // Once the new model is complete, hide the old variant: until the new metadata lands, the variant is absent.
            var size = new Bytes(AtomicFile.Write(modelPath, writeModel, () => File.Delete(metadataPath)));
            modelWritten = true;
            var info = inspect is null ? ModelInspector.Inspect(modelPath) : inspect(size);
            var metadata = new ModelMetadata
            {
                Name = request.Name,
                Variant = request.Variant,
                Architecture = request.Architecture ?? info.Architecture,
                Parameters = info.Parameters,
                Macs = info.Macs,
                SizeBytes = size.Value,
                Inputs = info.Inputs,
                Outputs = info.Outputs,
                Trained = request.Trained,
                Source = request.Source,
                Seed = request.Seed,
                PruningFactor = request.PruningFactor,
                PruningMethod = request.PruningMethod,
                MacsBudget = request.MacsBudget,
                Precision = request.Precision,
                CreatedUtc = time.GetUtcNow(),
            };
            AtomicFile.WriteAllBytes(metadataPath, metadata.ToJsonBytes());
            return new ModelEntry(request.Name, request.Variant, modelPath, metadata);
        }
        catch
        {
            if (modelWritten)
            {
                AtomicFile.TryDelete(modelPath);
            }

            DeleteIfEmpty(directory);
            if (newModelDirectory)
            {
                DeleteIfEmpty(modelDirectory);
            }

            throw;
        }
    }

    private static void DeleteIfEmpty(string directory)
    {
        try
        {
            if (Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
            {
                Directory.Delete(directory);
            }
        }
        catch (IOException)
        {
        }
    }
}
