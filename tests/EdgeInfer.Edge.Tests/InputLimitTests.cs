using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using EdgeInfer.Contracts;
using SkiaSharp;

namespace EdgeInfer.Edge.Tests;

/// <summary>Issue 14 §2: image pixel limits, unreadable bodies, strict pf, non-finite outputs (real server, real images).</summary>
public sealed class InputLimitTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Client => fixture.Server.Client;

    [Fact]
    public async Task Infer_JpegWhoseHeaderClaims20000Squared_Is413NamingSizeAndLimitAtOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var watch = Stopwatch.StartNew();
        using var response = await PostImageAsync(ProbeImages.JpegClaiming(20000, 20000), "image/jpeg", ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}"); // was 10 s and 5.5 GB before the limit
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("20000x20000", detail, StringComparison.Ordinal);
        Assert.Contains("16000000", detail, StringComparison.Ordinal);
        await AssertServingAsync(ct);
    }

    [Fact]
    public async Task Infer_PngWhoseHeaderClaims10000Squared_Is413()
    {
        var ct = TestContext.Current.CancellationToken;
        var sends = Enumerable.Range(0, 6).Select(_ => PostImageAsync(ProbeImages.PngClaiming(10000, 10000), "image/png", ct));
        foreach (var response in await Task.WhenAll(sends))
        {
            using (response)
            {
                Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
                Assert.Contains("10000x10000", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
            }
        }

        await AssertServingAsync(ct);
    }

    [Fact]
    public async Task Infer_PngWhoseHeaderClaimsMoreThanItHolds_Is400NotA500()
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await PostImageAsync(ProbeImages.PngClaiming(3000, 3000), "image/png", ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a decodable image/png image", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Infer_OneByMillionPng_AnswersAndStaysSmall()
    {
        var ct = TestContext.Current.CancellationToken;
        var png = ProbeImages.Encode(1, 1_000_000, SKEncodedImageFormat.Png);
        Assert.True(png.Length < 10_000);
        using var response = await PostImageAsync(png, "image/png", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image", (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("input").GetString());
    }

    [Fact]
    public async Task Infer_ImageAtTheConfiguredLimit_IsDecodedOneAboveIsRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await TestServer.StartAsync(o => o with { Resources = o.Resources with { MaxImagePixels = 300 * 200 } });
        using var fits = new ByteArrayContent(ProbeImages.Encode(300, 200, SKEncodedImageFormat.Png));
        fits.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using var ok = await server.Client.PostAsync("/v1/models/mobilenet/infer", fits, ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        using var over = new ByteArrayContent(ProbeImages.Encode(301, 200, SKEncodedImageFormat.Png));
        over.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using var refused = await server.Client.PostAsync("/v1/models/mobilenet/infer", over, ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Contains("301x200 = 60200 pixels", await refused.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);

        var metrics = await server.Client.GetStringAsync("/metrics", ct);
        Assert.Contains("reason=\"image_too_large\"", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Infer_ChunkedImageBodyBeyondTheBodyLimit_Is413()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await TestServer.StartAsync(o => o with { MaxRequestBody = new Core.Quantities.Bytes(100_000) });
        using var content = new ByteArrayContent(new byte[300_000]);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/models/mobilenet/infer") { Content = content };
        request.Headers.TransferEncodingChunked = true; // no Content-Length: the limit holds as the bytes arrive
        using var response = await server.Client.SendAsync(request, ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/healthz", ct)).StatusCode);
    }

    [Theory]
    [InlineData("application/octet-stream")]
    [InlineData("image/png")]
    public async Task Infer_ChunkSizeOf2To31OrMore_Is400ProblemDetails(string contentType)
    {
        var ct = TestContext.Current.CancellationToken;
        using var socket = new TcpClient();
        await socket.ConnectAsync(fixture.Server.BaseAddress.Host, fixture.Server.BaseAddress.Port, ct);
        var stream = socket.GetStream();
        var request = "POST /v1/models/mobilenet/infer HTTP/1.1\r\nHost: localhost\r\n"
            + $"Content-Type: {contentType}\r\nX-Tensor-Shape: 1,3,224,224\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
            + "80000000\r\nabcdefgh";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), ct);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var answer = await reader.ReadToEndAsync(ct);
        Assert.StartsWith("HTTP/1.1 400", answer, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", answer, StringComparison.Ordinal);
        await AssertServingAsync(ct);
    }

    [Theory]
    [InlineData("pf=%2B0.7", "+0.7")]
    [InlineData("pf=+0.7", " 0.7")]
    [InlineData("pf=%200.7", " 0.7")]
    [InlineData("pf=0.7%20", "0.7 ")]
    [InlineData("pf=1e-1", "1e-1")]
    [InlineData("pf=0.755", "0.755")]
    [InlineData("pf=-0", "-0")]
    [InlineData("pf=0x1", "0x1")]
    [InlineData("pf=0%2C7", "0,7")]
    [InlineData("method=channel&macs=%2B0.5", "+0.5")]
    [InlineData("method=channel&macs=%200.5", " 0.5")]
    public async Task Infer_PfOrMacsNotPlainDecimals_Is400NamingTheValue(string query, string value)
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await Client.PostAsync($"/v1/models/mobilenet/infer?{query}", TestServer.Tensor(), ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("detail").GetString()!;
        Assert.Contains($"'{value}'", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pf=0.7")]
    [InlineData("pf=0.70")]
    [InlineData("pf=.7")]
    [InlineData("pf=0")]
    [InlineData("pf=0.0")]
    public async Task Download_PfPlainDecimals_AreAccepted(string query)
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await Client.GetAsync($"/v1/models/mobilenet/download?{query}", HttpCompletionOption.ResponseHeadersRead, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Infer_TensorOfNaN_AnswersValidJsonWithNullScoresThatTheClientReadsAsNaN()
    {
        var ct = TestContext.Current.CancellationToken;
        var values = Enumerable.Repeat(float.NaN, 3 * 224 * 224).ToArray();
        using var content = new ByteArrayContent(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Headers.Add("X-Tensor-Shape", "1,3,224,224");
        using var response = await Client.PostAsync("/v1/models/mobilenet/infer", content, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", text, StringComparison.Ordinal);

        // Strict JSON (no named literals) parses it, and the probabilities are JSON null.
        using var strict = JsonDocument.Parse(text);
        var top5 = strict.RootElement.GetProperty("top5").EnumerateArray().ToList();
        Assert.Equal(5, top5.Count);
        Assert.All(top5, t => Assert.Equal(JsonValueKind.Null, t.GetProperty("probability").ValueKind));

        // The device reads the answer with the contract's settings: null comes back as NaN.
        var result = JsonSerializer.Deserialize<InferenceResult>(text, EdgeJson.Options)!;
        Assert.All(result.Top5, s => Assert.True(double.IsNaN(s.Probability)));
    }

    private async Task<HttpResponseMessage> PostImageAsync(byte[] image, string contentType, CancellationToken ct)
    {
        using var content = new ByteArrayContent(image);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await Client.PostAsync("/v1/models/mobilenet/infer", content, ct);
    }

    private async Task AssertServingAsync(CancellationToken ct) =>
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/healthz", ct)).StatusCode);
}
