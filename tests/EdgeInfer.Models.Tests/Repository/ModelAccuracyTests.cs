using EdgeInfer.Core;
using EdgeInfer.Models.Repository;

namespace EdgeInfer.Models.Tests.Repository;

public sealed class ModelAccuracyTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("edgeinfer-accuracy-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Record_MergesByMethodAndFactor_AndFindMatchesThem()
    {
        Assert.Null(ModelAccuracy.Read(dir));
        ModelAccuracy.Record(dir, "set", [new AccuracyRecord("global", 0, 0.85, 0.99, 100), new AccuracyRecord("global", 0.7, 0.66, 0.98, 100)]);
        var merged = ModelAccuracy.Record(
            dir, "set", [new AccuracyRecord("global", 0.7, 0.60, 0.97, 100), new AccuracyRecord("channel", 0.3, 0.31, 0.86, 100)]);

        var read = ModelAccuracy.Read(dir)!;
        Assert.Equal("set", read.Dataset);
        Assert.Equal(merged.Points, read.Points);
        Assert.Equal(["channel 0.3", "global 0", "global 0.7"], merged.Points.Select(p => $"{p.Method} {p.PruningFactor}"));
        Assert.Equal(0.60, merged.Find("global", 0.70)!.Top1);
        Assert.Equal(0.85, merged.Find("layer", 0)!.Top1); // pf 0 is the full model, whatever the method
        Assert.Null(merged.Find("layer", 0.5));

        // Another dataset replaces the record.
        Assert.Single(ModelAccuracy.Record(dir, "other", [new AccuracyRecord("global", 0, 0.5, 0.9, 10)]).Points);
    }

    [Fact]
    public void Read_InvalidFile_NamesIt()
    {
        File.WriteAllText(
            Path.Combine(dir, ModelAccuracy.FileName),
            """{ "dataset": "x", "points": [ { "method": "global", "pruningFactor": 0, "top1": 1.5, "top5": 1, "images": 1 } ] }""");
        var error = Assert.Throws<EdgeInferInputException>(() => ModelAccuracy.Read(dir));
        Assert.Contains(ModelAccuracy.FileName, error.Message, StringComparison.Ordinal);
    }
}
