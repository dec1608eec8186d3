using System.Net.Http.Json;
using System.Text.Json;
using EdgeInfer.Edge.Api;
using EdgeInfer.Edge.Hosting;
using EdgeInfer.Models.Repository;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Study.Config;
using EdgeInfer.Study.Measurement;

namespace EdgeInfer.Cli.Tests;

/// <summary>
/// The study and the edge server meet in one repository (<c>reproduce</c> prepares variants, <c>serve</c> serves them):
/// a variant the study prepared must be served as pre-pruned, under the one name every host gives it. Here because
/// this project sees both the study and the edge.
/// </summary>
public sealed class StudyVariantAtEdgeTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("edgeinfer-study-edge-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task StudyPreparedVariant_IsServedByTheEdgeAsPrepruned()
    {
        var ct = TestContext.Current.CancellationToken;
        var repository = ModelRepository.Open(Path.Combine(root, "repo"));
        var variant = ModelVariant.Pruned("mobilenet", PruningMethod.Channel, PruningFactor.Of(0.7));
        var prepared = new OrtStudyMeasurer(StudyPresets.Quick, repository).Prepare(variant, ct);
        Assert.Equal(variant, prepared.Spec);

        await using var app = EdgeServer.Build(new EdgeServerOptions
        {
            Urls = ["http://127.0.0.1:0"],
            Repository = repository.Root,
            MaxConcurrency = 1,
            IntraOpThreads = 1,
            Warmup = false,
        });
        await app.StartAsync(ct);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(120) };
            using var download = await client.GetAsync($"/v1/models/mobilenet/download?{variant.Query}&format=onnx", ct);
            download.EnsureSuccessStatusCode();
            Assert.Equal("prepruned", download.Headers.GetValues(DownloadApi.OriginHeader).Single());
            Assert.Equal(new FileInfo(prepared.ModelPath).Length, (await download.Content.ReadAsByteArrayAsync(ct)).LongLength);

            var catalog = await client.GetFromJsonAsync<JsonElement>("/v1/models/mobilenet", ct);
            var variants = catalog.GetProperty("variants").EnumerateArray()
                .Select(v => (Name: v.GetProperty("variant").GetString(), Origin: v.GetProperty("origin").GetString()))
                .OrderBy(v => v.Name, StringComparer.Ordinal)
                .ToArray();
            Assert.Equal([("channel-0.70", "prepruned"), ("full", "repository")], variants);
            Assert.Equal(["channel-0.70", "full"], repository.List().Where(e => e.Name == "mobilenet").Select(e => e.Variant).Order(StringComparer.Ordinal));
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }
}
