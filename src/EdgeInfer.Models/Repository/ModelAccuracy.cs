using System.Text.Json;
using EdgeInfer.Core;
using EdgeInfer.Models.Files;

namespace EdgeInfer.Models.Repository;

/// <summary>
/// What is known of a repository model's accuracy: <c>&lt;repo&gt;/&lt;model&gt;/accuracy.json</c>, written by
/// <c>edgeinfer evaluate --model NAME --record</c>, one point per (pruning method, pruning factor). The edge server's
/// catalog gives these as the variants' Top-1/Top-5 (the full model is pruning factor 0).
/// </summary>
/// <param name="Dataset">What the points were measured on.</param>
/// <param name="Points">Measured points, by method then pruning factor.</param>
public sealed record ModelAccuracy(string Dataset, IReadOnlyList<AccuracyRecord> Points)
{
    /// <summary>File name in the model's folder.</summary>
    public const string FileName = "accuracy.json";

    /// <summary>The point of <paramref name="method"/> at <paramref name="pruningFactor"/> (±0.005); pf 0 matches any method.</summary>
    public AccuracyRecord? Find(string? method, double pruningFactor) =>
        Points.FirstOrDefault(p => Math.Abs(p.PruningFactor - pruningFactor) < 0.005 && (pruningFactor < 0.005 || p.Method == method));

    /// <summary>Reads the file of <paramref name="modelDirectory"/>, or null when there is none.</summary>
    /// <exception cref="EdgeInferInputException">The file exists but is not a valid accuracy record.</exception>
    public static ModelAccuracy? Read(string modelDirectory)
    {
        var path = Path.Combine(modelDirectory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var accuracy = JsonSerializer.Deserialize<ModelAccuracy>(File.ReadAllBytes(path), ModelMetadata.JsonOptions);
            var valid = accuracy is { Dataset: not null, Points: not null }
                && accuracy.Points.All(p => p.Method is not null && p.Top1 is >= 0 and <= 1 && p.Top5 is >= 0 and <= 1);
            return valid
                ? accuracy!
                : throw new EdgeInferInputException(
                    $"'{path}' is not a valid accuracy record (dataset, points with method, pruningFactor, top1 and top5 in [0, 1]).");
        }
        catch (JsonException ex)
        {
            throw new EdgeInferInputException($"'{path}' is not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Records <paramref name="points"/> in the model's folder (atomically), replacing earlier points of the same method
    /// and pruning factor and keeping the others; a different dataset replaces the whole record.
    /// </summary>
    public static ModelAccuracy Record(string modelDirectory, string dataset, IEnumerable<AccuracyRecord> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var fresh = points.ToList();
        var kept = Read(modelDirectory) is { } old && old.Dataset == dataset
            ? old.Points.Where(p => !fresh.Any(n => n.Method == p.Method && Math.Abs(n.PruningFactor - p.PruningFactor) < 0.005))
            : [];
        var merged = new ModelAccuracy(dataset, [.. kept.Concat(fresh).OrderBy(p => p.Method, StringComparer.Ordinal).ThenBy(p => p.PruningFactor)]);
        AtomicFile.WriteAllBytes(Path.Combine(modelDirectory, FileName), JsonSerializer.SerializeToUtf8Bytes(merged, ModelMetadata.JsonOptions));
        return merged;
    }
}
