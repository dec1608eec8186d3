using System.Text.Json;
using EdgeInfer.Core;
using EdgeInfer.Models.Repository;

namespace EdgeInfer.Models.Tests.Repository;

public sealed class ModelAccuracyTests : IDisposable
{
    /// <summary>The naming of older (method, pf) points a caller gives; Models itself never names variants.</summary>
    private static readonly LegacyVariantName Naming = (method, pf) => method == "unknown" ? null : pf == 0 ? "full" : $"{method}@{pf}";

    private readonly string dir = Directory.CreateTempSubdirectory("edgeinfer-accuracy-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Record_MergesByVariantName_AndFindMatchesTheName()
    {
        Assert.Null(ModelAccuracy.Read(dir, Naming));
        ModelAccuracy.Record(dir, [new AccuracyRecord("full", 0.85, 0.99, "set", 100), new AccuracyRecord("global-0.70", 0.66, 0.98, "set", 100)], Naming);
        var merged = ModelAccuracy.Record(
            dir, [new AccuracyRecord("global-0.70", 0.60, 0.97, "set", 100), new AccuracyRecord("channel-0.30", 0.31, 0.86, "other", 10)], Naming);

        var read = ModelAccuracy.Read(dir, Naming)!;
        Assert.Equal(merged.Variants, read.Variants);
        Assert.Equal(["channel-0.30", "full", "global-0.70"], merged.Variants.Select(r => r.Variant));
        Assert.Equal(0.60, merged.Find("global-0.70")!.Top1);
        Assert.Equal(("other", 10), (merged.Find("channel-0.30")!.Dataset, merged.Find("channel-0.30")!.Images));
        Assert.Null(merged.Find("global-0.7")); // names are exact: one spelling per variant
        Assert.Null(merged.Find("layer-0.50"));
    }

    [Fact]
    public void Record_WritesEachVariantWithItsDatasetAndImages()
    {
        ModelAccuracy.Record(dir, [new AccuracyRecord("full", 0.848, 0.998, "Fashion-MNIST test subset", 1000)], Naming);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, ModelAccuracy.FileName)));
        var only = Assert.Single(json.RootElement.GetProperty("variants").EnumerateArray());
        Assert.Equal("full", only.GetProperty("variant").GetString());
        Assert.Equal(0.848, only.GetProperty("top1").GetDouble());
        Assert.Equal("Fashion-MNIST test subset", only.GetProperty("dataset").GetString());
        Assert.Equal(1000, only.GetProperty("images").GetInt32());
    }

    [Fact]
    public void Read_OldMethodAndFactorFile_NamesEachPointThroughTheCaller_AndRecordMigratesIt()
    {
        // The format before records were keyed by variant name: pf 0 of every method is the same full model.
        File.WriteAllText(Path.Combine(dir, ModelAccuracy.FileName), """
            { "dataset": "subset (1000 images)", "points": [
              { "method": "channel", "pruningFactor": 0, "top1": 0.85, "top5": 0.99, "images": 1000 },
              { "method": "channel", "pruningFactor": 0.3, "top1": 0.31, "top5": 0.86, "images": 1000 },
              { "method": "global", "pruningFactor": 0, "top1": 0.85, "top5": 0.99, "images": 1000 },
              { "method": "unknown", "pruningFactor": 0.5, "top1": 0.5, "top5": 0.9, "images": 1000 } ] }
            """);

        var old = ModelAccuracy.Read(dir, Naming)!;

        Assert.Equal(["channel@0.3", "full"], old.Variants.Select(r => r.Variant));
        Assert.Equal(new AccuracyRecord("channel@0.3", 0.31, 0.86, "subset (1000 images)", 1000), old.Find("channel@0.3"));
        var migrated = ModelAccuracy.Record(dir, [new AccuracyRecord("layer-0.50", 0.6, 0.98, "subset", 1000)], Naming);
        Assert.Equal(["channel@0.3", "full", "layer-0.50"], migrated.Variants.Select(r => r.Variant));
        Assert.DoesNotContain("\"points\"", File.ReadAllText(Path.Combine(dir, ModelAccuracy.FileName)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "variants": [ { "variant": "full", "top1": 1.5, "top5": 1, "dataset": "x", "images": 1 } ] }""")]
    [InlineData("""{ "variants": [ { "variant": "full", "top1": 0.5, "top5": 1, "dataset": "x", "images": 0 } ] }""")]
    [InlineData("""{ "variants": [ { "top1": 0.5, "top5": 1, "dataset": "x", "images": 1 } ] }""")]
    [InlineData("""{ "variants": [ { "variant": "full", "top1": 0.5, "top5": 1, "dataset": "x", "images": 1 }, """
        + """{ "variant": "full", "top1": 0.6, "top5": 1, "dataset": "x", "images": 1 } ] }""")]
    [InlineData("""{ "dataset": "x", "points": [ { "method": "global", "pruningFactor": 0, "top1": 1.5, "top5": 1, "images": 1 } ] }""")]
    [InlineData("""{ "dataset": "x", "points": [ { "method": "global", "top1": 0.5, "top5": 1, "images": 1 } ] }""")]
    [InlineData("""{ "variants": [ """)]
    public void Read_InvalidFile_NamesIt(string text)
    {
        File.WriteAllText(Path.Combine(dir, ModelAccuracy.FileName), text);
        var error = Assert.Throws<EdgeInferInputException>(() => ModelAccuracy.Read(dir, Naming));
        Assert.Contains(ModelAccuracy.FileName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_InvalidRecords_AreRejectedBeforeAnythingIsWritten()
    {
        Assert.Throws<ArgumentException>(() => ModelAccuracy.Record(dir, [new AccuracyRecord("full", -0.1, 1, "x", 1)], Naming));
        Assert.Throws<ArgumentException>(
            () => ModelAccuracy.Record(dir, [new AccuracyRecord("full", 0.1, 1, "x", 1), new AccuracyRecord("full", 0.2, 1, "x", 1)], Naming));
        Assert.False(File.Exists(Path.Combine(dir, ModelAccuracy.FileName)));
    }
}
