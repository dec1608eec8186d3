using System.Net;

namespace EdgeInfer.Edge.Tests;

public sealed class DownloadPreconditionTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Download_IfUnmodifiedSinceInThePast_Is412()
    {
        var ct = TestContext.Current.CancellationToken;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/models/mobilenet/download");
        request.Headers.IfUnmodifiedSince = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var response = await fixture.Server.Client.SendAsync(request, ct);
        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("Precondition failed", (await Problems.ReadAsync(response)).Title);
    }

    [Fact]
    public async Task Download_IfUnmodifiedSinceNowOrLater_Is200()
    {
        var ct = TestContext.Current.CancellationToken;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/models/mobilenet/download");
        request.Headers.IfUnmodifiedSince = DateTimeOffset.UtcNow.AddMinutes(1);
        using var response = await fixture.Server.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
