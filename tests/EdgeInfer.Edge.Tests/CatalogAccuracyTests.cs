using System.Net;
using System.Net.Http.Json;
using EdgeInfer.Contracts;
using EdgeInfer.Models.Repository;
using EdgeInfer.Pruning.Pipeline;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Edge.Tests;

public sealed class CatalogAccuracyTests
{
    [Fact]
    public async Task Catalog_EveryVariantCarriesItsRecordedAccuracyByName_BuiltOrNot()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await TestServer.StartAsync();
        var repository = ModelRepository.Open(server.RepositoryRoot);
        var full = repository.Get("mobilenet");
        var prepruned = ModelVariant.Pruned("mobilenet", PruningMethod.Channel, PruningFactor.Of(0.5));
        var cached = ModelVariant.Pruned("mobilenet", PruningMethod.Global, PruningFactor.Of(0.6));
        var notBuilt = ModelVariant.Pruned("mobilenet", PruningMethod.Layer, PruningFactor.Of(0.4));
        var file = Path.Combine(Path.GetDirectoryName(server.RepositoryRoot)!, "channel.onnx");
        ModelPruning.PruneFile(full.ModelPath, file, new PruneFileOptions(0.5, PruningMethod.Channel));
        PrunedVariants.AddToRepository(repository, full, file, prepruned);
        RecordedAccuracy.Record(
            repository.ModelDirectory("mobilenet"),
            [
                RecordedAccuracy.Of(ModelVariant.Full("mobilenet"), 0.70, 0.90, "set A", 100),
                RecordedAccuracy.Of(prepruned, 0.31, 0.86, "set A", 100),
                RecordedAccuracy.Of(cached, 0.66, 0.88, "set B", 50),
                RecordedAccuracy.Of(notBuilt, 0.55, 0.80, "set B", 50),
            ]);
        using (var infer = await server.Client.PostAsync($"/v1/models/mobilenet/infer?{cached.Query}", TestServer.Tensor(), ct))
        {
            Assert.Equal(HttpStatusCode.OK, infer.StatusCode);
        }

        var model = await server.Client.GetFromJsonAsync<ModelView>("/v1/models/mobilenet", Contracts.EdgeJson.Options, ct);

        var rows = model!.Variants.ToDictionary(v => v.Variant);
        Assert.Equal(("repository", 0.70, 0.90, "set A", 100), Accuracy(rows["full"]));
        Assert.Equal(("prepruned", 0.31, 0.86, "set A", 100), Accuracy(rows["channel-0.50"]));
        Assert.Equal(("cached", 0.66, 0.88, "set B", 50), Accuracy(rows["global-0.60"]));
        Assert.False(rows.ContainsKey(notBuilt.Name));
        Assert.Equal(new AccuracyRecord("layer-0.40", 0.55, 0.80, "set B", 50), model.Accuracy.Find(notBuilt));
    }

    [Fact]
    public async Task Catalog_NothingRecorded_LeavesAccuracyNull()
    {
        await using var server = await TestServer.StartAsync();
        var model = await server.Client.GetFromJsonAsync<ModelView>("/v1/models/mobilenet", Contracts.EdgeJson.Options, TestContext.Current.CancellationToken);

        Assert.Null(model!.Accuracy);
        var full = Assert.Single(model.Variants);
        Assert.Equal((null, null, null, null), (full.Top1, full.Top5, full.AccuracyDataset, full.AccuracyImages));
    }

    private static (string Origin, double? Top1, double? Top5, string? Dataset, int? Images) Accuracy(VariantView v) =>
        (v.Origin, v.Top1, v.Top5, v.AccuracyDataset, v.AccuracyImages);
}
