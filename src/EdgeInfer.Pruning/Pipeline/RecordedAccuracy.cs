using EdgeInfer.Models.Repository;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Pruning.Pipeline;

/// <summary>
/// The recorded accuracy of a repository model's variants (<see cref="ModelAccuracy"/>, <c>accuracy.json</c>) seen
/// through <see cref="ModelVariant"/>: every host (<c>evaluate</c>, <c>tradeoff</c>, the study, the edge catalog, the
/// device's planner) records and looks up a variant's Top-1/Top-5 here, keyed by <see cref="ModelVariant.Name"/>, so a
/// new kind of variant is recorded and found under its own name with no change here.
/// </summary>
public static class RecordedAccuracy
{
    /// <summary>
    /// Reads <c>accuracy.json</c> of <paramref name="modelDirectory"/> (null when there is none); a file of the older
    /// (method, pruning factor) format is read with each point named by <see cref="ModelVariant.Name"/>.
    /// </summary>
    /// <exception cref="Core.EdgeInferInputException">The file is not a valid accuracy record.</exception>
    public static ModelAccuracy? Read(string modelDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelDirectory);
        return ModelAccuracy.Read(modelDirectory, LegacyNaming(modelDirectory));
    }

    /// <summary>Records <paramref name="records"/> for the model in <paramref name="modelDirectory"/>, replacing those of the same variants.</summary>
    /// <exception cref="ArgumentException">A record is invalid or two name the same variant.</exception>
    /// <exception cref="Core.EdgeInferInputException">The existing file is not a valid accuracy record.</exception>
    public static ModelAccuracy Record(string modelDirectory, IEnumerable<AccuracyRecord> records)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelDirectory);
        return ModelAccuracy.Record(modelDirectory, records, LegacyNaming(modelDirectory));
    }

    /// <summary>The record of <paramref name="variant"/> measured on <paramref name="images"/> images of <paramref name="dataset"/>.</summary>
    /// <param name="variant">The variant; its <see cref="ModelVariant.Name"/> is the key.</param>
    /// <param name="top1">Top-1, fraction in [0, 1].</param>
    /// <param name="top5">Top-5, fraction in [0, 1].</param>
    /// <param name="dataset">What it was measured on.</param>
    /// <param name="images">Test images evaluated.</param>
    public static AccuracyRecord Of(ModelVariant variant, double top1, double top5, string dataset, int images)
    {
        ArgumentNullException.ThrowIfNull(variant);
        return new AccuracyRecord(variant.Name, top1, top5, dataset, images);
    }

    /// <summary>The record of <paramref name="variant"/>, or null when <paramref name="accuracy"/> is null or has none.</summary>
    public static AccuracyRecord? Find(this ModelAccuracy? accuracy, ModelVariant variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        return accuracy?.Find(variant.Name);
    }

    /// <summary>Old points named as the variant their method and pruning factor make (pf 0: the full model).</summary>
    private static LegacyVariantName LegacyNaming(string modelDirectory)
    {
        var model = Path.GetFileName(Path.TrimEndingDirectorySeparator(modelDirectory));
        return (method, pf) => PruningMethods.TryParse(method, out var m) && PruningFactor.TryOf(pf, out var factor)
            ? ModelVariant.Pruned(string.IsNullOrEmpty(model) ? "model" : model, m, factor).Name
            : null;
    }
}
