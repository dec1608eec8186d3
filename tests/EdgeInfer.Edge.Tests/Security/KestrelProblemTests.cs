using System.Text.Json;

namespace EdgeInfer.Edge.Tests.Security;

/// <summary>What Kestrel rejects: as ProblemDetails when it reaches the pipeline, bodiless when Kestrel answers itself.</summary>
public sealed class KestrelProblemTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string ChunkedInference = "POST /v1/models/mobilenet/infer HTTP/1.1\r\nHost: edge\r\nContent-Type: application/octet-stream\r\n"
        + "X-Tensor-Shape: 1,3,224,224\r\nTransfer-Encoding: chunked\r\n\r\n";

    [Theory]
    [InlineData("80000000")]
    [InlineData("ffffffffff")]
    [InlineData("zz")]
    public async Task ChunkSize_OverflowingOrMalformed_Is400Problem(string size)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = await RawHttp.ConnectAsync(fixture.Server.BaseAddress, ct);
        await client.SendAsync(ChunkedInference + size + "\r\nabc", ct);

        var (head, body) = await client.ReadResponseAsync(ct);

        Assert.StartsWith("HTTP/1.1 400", head, StringComparison.Ordinal);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("Bad Request", problem.GetProperty("title").GetString());
        Assert.Contains("Bad chunk size data.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeadersTooLarge_KestrelAnswers431WithoutBody_AndKeepsServing()
    {
        var ct = TestContext.Current.CancellationToken;
        using (var client = await RawHttp.ConnectAsync(fixture.Server.BaseAddress, ct))
        {
            await client.SendAsync("GET /healthz HTTP/1.1\r\nHost: edge\r\nX-Big: " + new string('a', 40_000) + "\r\n\r\n", ct);

            var (head, body) = await client.ReadResponseAsync(ct);

            // The documented residual: Kestrel writes this before the pipeline runs, so no ProblemDetails.
            Assert.StartsWith("HTTP/1.1 431", head, StringComparison.Ordinal);
            Assert.Contains("Content-Length: 0", head, StringComparison.Ordinal);
            Assert.Equal("", body);
        }

        using var health = await fixture.Server.Client.GetAsync(new Uri("/healthz", UriKind.Relative), ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
    }
}
