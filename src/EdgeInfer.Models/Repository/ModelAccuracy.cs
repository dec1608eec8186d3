using System.Text.Json;
using EdgeInfer.Core;
using EdgeInfer.Models.Files;

namespace EdgeInfer.Models.Repository;

/// <summary>
/// What is known of a repository model's accuracy: <c>&lt;repo&gt;/&lt;model&gt;/accuracy.json</c>, one
/// <see cref="AccuracyRecord"/> per variant name (<c>full</c>, <c>channel-0.30</c>, …), each with its dataset and image
/// count. Written by <c>edgeinfer evaluate --record</c>, <c>edgeinfer tradeoff --record</c> and the study (for its trained
/// accuracy model); the edge server's catalog gives each variant's record, built or not yet built.
/// </summary>
/// <remarks>
/// Files of the older format (<c>{"dataset": …, "points": [{"method", "pruningFactor", …}]}</c>) are still read: each
/// point becomes the record of the variant <see cref="LegacyVariantName"/> names, with the file's dataset. The next
/// <see cref="Record"/> rewrites the file in the current format, so old files migrate the first time anything is recorded.
/// </remarks>
/// <param name="Variants">The records, one per variant name, in ordinal order of the names.</param>
public sealed record ModelAccuracy(IReadOnlyList<AccuracyRecord> Variants)
{
    /// <summary>File name in the model's folder.</summary>
    public const string FileName = "accuracy.json";

    /// <summary>The record of the variant named <paramref name="variant"/> (exact, ordinal), or null.</summary>
    public AccuracyRecord? Find(string variant) => Variants.FirstOrDefault(r => string.Equals(r.Variant, variant, StringComparison.Ordinal));

    /// <summary>Reads the file of <paramref name="modelDirectory"/>, or null when there is none.</summary>
    /// <param name="modelDirectory">The model's folder.</param>
    /// <param name="legacyName">Names the points of an older file (see the remarks).</param>
    /// <exception cref="EdgeInferInputException">The file exists but is not a valid accuracy record.</exception>
    public static ModelAccuracy? Read(string modelDirectory, LegacyVariantName legacyName)
    {
        ArgumentNullException.ThrowIfNull(legacyName);
        var path = Path.Combine(modelDirectory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var bytes = File.ReadAllBytes(path);
            using var document = JsonDocument.Parse(bytes);
            var legacy = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("points", out _);
            var accuracy = legacy ? ReadLegacy(document.RootElement, legacyName) : JsonSerializer.Deserialize<ModelAccuracy>(bytes, ModelMetadata.JsonOptions);
            return accuracy is not null && Problem(accuracy) is null
                ? accuracy
                : throw new EdgeInferInputException($"'{path}' is not a valid accuracy record: {(accuracy is null ? "null" : Problem(accuracy))}.");
        }
        catch (JsonException ex)
        {
            throw new EdgeInferInputException($"'{path}' is not a valid accuracy record: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or FormatException)
        {
            // A missing field or a value of the wrong JSON kind in an old file (JsonElement's typed getters).
            throw new EdgeInferInputException($"'{path}' is not a valid accuracy record: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Records <paramref name="records"/> in the model's folder (atomically, in the current format), replacing earlier
    /// records of the same variant names and keeping the others.
    /// </summary>
    /// <exception cref="ArgumentException">A record is invalid (Top-1/Top-5 outside [0, 1], no name, no images) or two share a name.</exception>
    /// <exception cref="EdgeInferInputException">The existing file is not a valid accuracy record.</exception>
    public static ModelAccuracy Record(string modelDirectory, IEnumerable<AccuracyRecord> records, LegacyVariantName legacyName)
    {
        ArgumentNullException.ThrowIfNull(records);
        var fresh = records.ToList();
        if (Problem(new ModelAccuracy(fresh)) is { } problem)
        {
            throw new ArgumentException($"Invalid accuracy records: {problem}.", nameof(records));
        }

        var kept = Read(modelDirectory, legacyName)?.Variants.Where(old => fresh.All(n => n.Variant != old.Variant)) ?? [];
        var merged = new ModelAccuracy([.. kept.Concat(fresh).OrderBy(r => r.Variant, StringComparer.Ordinal)]);
        AtomicFile.WriteAllBytes(Path.Combine(modelDirectory, FileName), JsonSerializer.SerializeToUtf8Bytes(merged, ModelMetadata.JsonOptions));
        return merged;
    }

    /// <summary>The first problem of <paramref name="accuracy"/>, or null when it is valid.</summary>
    private static string? Problem(ModelAccuracy accuracy)
    {
        if (accuracy.Variants is null)
        {
            return "no variants";
        }

        foreach (var r in accuracy.Variants)
        {
            if (r is null || string.IsNullOrEmpty(r.Variant) || r.Dataset is null)
            {
                return "a record without its variant or dataset";
            }

            if (r.Top1 is not (>= 0 and <= 1) || r.Top5 is not (>= 0 and <= 1) || r.Images < 1)
            {
                return $"variant '{r.Variant}' needs top1 and top5 in [0, 1] and at least one image";
            }
        }

        var repeated = accuracy.Variants.GroupBy(r => r.Variant, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return repeated is null ? null : $"variant '{repeated.Key}' is recorded twice";
    }

    /// <summary>An older file: a dataset and points keyed by (method, pruning factor); pf 0 of every method is the one full model.</summary>
    private static ModelAccuracy ReadLegacy(JsonElement root, LegacyVariantName legacyName)
    {
        var dataset = root.GetProperty("dataset").GetString() ?? throw new JsonException("dataset is null");
        var records = new List<AccuracyRecord>();
        foreach (var point in root.GetProperty("points").EnumerateArray())
        {
            var method = point.GetProperty("method").GetString() ?? throw new JsonException("a point's method is null");
            var name = legacyName(method, point.GetProperty("pruningFactor").GetDouble());
            if (name is not null && records.All(r => r.Variant != name))
            {
                records.Add(new AccuracyRecord(
                    name, point.GetProperty("top1").GetDouble(), point.GetProperty("top5").GetDouble(), dataset, point.GetProperty("images").GetInt32()));
            }
        }

        return new ModelAccuracy([.. records.OrderBy(r => r.Variant, StringComparer.Ordinal)]);
    }
}
