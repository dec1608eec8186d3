using System.Net.Http.Json;
using System.Text.Json;

namespace EdgeInfer.Edge.Tests;

public sealed class SessionDropTests
{
    [Fact]
    public async Task Infer_AfterTheVariantWasDroppedFromTheCache_PrunesAgainAndOpensTheNewFile()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await TestServer.StartAsync();
        async Task<JsonElement> InferAsync()
        {
            using var response = await server.Client.PostAsync("/v1/models/mobilenet/infer?pf=0.5&method=global", TestServer.Tensor(), ct);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        }

        var first = await InferAsync();
        Assert.Equal("pruned", first.GetProperty("origin").GetString());
        Assert.True(first.GetProperty("timings").GetProperty("sessionOpenSeconds").GetDouble() > 0);
        var warm = await InferAsync();
        Assert.Equal("cached", warm.GetProperty("origin").GetString());
        Assert.Equal(0, warm.GetProperty("timings").GetProperty("sessionOpenSeconds").GetDouble());

        using (var dropped = await server.Client.DeleteAsync("/v1/models/mobilenet/cache?pf=0.5&method=global", ct))
        {
            dropped.EnsureSuccessStatusCode();
        }

        // The old session belonged to the deleted file: the re-pruned file is opened again, not served by it.
        var again = await InferAsync();
        Assert.Equal("pruned", again.GetProperty("origin").GetString());
        Assert.True(again.GetProperty("timings").GetProperty("sessionOpenSeconds").GetDouble() > 0);
        var opens = (await server.StatusAsync()).GetProperty("sessionOpen").EnumerateArray().Single(t => t.GetProperty("variant").GetString() == "global-0.50");
        Assert.Equal(2, opens.GetProperty("count").GetInt64());
    }
}
