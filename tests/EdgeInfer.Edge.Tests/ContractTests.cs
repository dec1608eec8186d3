using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeInfer.Contracts;

namespace EdgeInfer.Edge.Tests;

/// <summary>
/// The server and the device client share the contract types of <c>EdgeInfer.Contracts</c>; what can still drift is the
/// JSON settings. Every endpoint's body, read as its contract type with <see cref="EdgeJson.Options"/> (what the client
/// does) and written back, must be the same JSON: no field lost, renamed or read differently.
/// </summary>
public sealed class ContractTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Client => fixture.Server.Client;

    [Fact]
    public async Task EveryEndpoint_ReadAsItsContractType_WritesBackTheSameJson()
    {
        var ct = TestContext.Current.CancellationToken;
        using var infer = await Client.PostAsync("/v1/models/mobilenet/infer", TestServer.Tensor(), ct);
        infer.EnsureSuccessStatusCode();
        AssertRoundTrips<InferenceResult>(await infer.Content.ReadAsStringAsync(ct));
        AssertRoundTrips<StatusView>(await Client.GetStringAsync("/v1/status", ct));
        AssertRoundTrips<CatalogView>(await Client.GetStringAsync("/v1/models", ct));
        AssertRoundTrips<ModelView>(await Client.GetStringAsync("/v1/models/mobilenet", ct));
    }

    [Fact]
    public void EdgeJson_NaN_IsWrittenAsNullAndReadBackAsNaN()
    {
        var timings = new InferenceTimings(double.NaN, double.PositiveInfinity, 0, 0, 0);
        var json = JsonSerializer.Serialize(timings, EdgeJson.Options);
        Assert.Contains("\"decodeSeconds\":null", json, StringComparison.Ordinal);
        Assert.Contains("\"queueSeconds\":null", json, StringComparison.Ordinal);
        Assert.True(double.IsNaN(JsonSerializer.Deserialize<InferenceTimings>(json, EdgeJson.Options)!.DecodeSeconds));
        var legacy = json.Replace("\"decodeSeconds\":null", "\"decodeSeconds\":\"NaN\"", StringComparison.Ordinal);
        Assert.True(double.IsNaN(JsonSerializer.Deserialize<InferenceTimings>(legacy, EdgeJson.Options)!.DecodeSeconds)); // older servers
    }

    private static void AssertRoundTrips<T>(string json)
    {
        var read = JsonSerializer.Deserialize<T>(json, EdgeJson.Options);
        var written = JsonSerializer.SerializeToNode(read, EdgeJson.Options);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), written), $"{typeof(T).Name}: the server wrote {json}; read and written back: {written}");
    }
}
