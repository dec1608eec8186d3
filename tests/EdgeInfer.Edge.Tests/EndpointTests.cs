using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EdgeInfer.Pruning.Wire;
using EdgeInfer.Runtime.Execution;
using SkiaSharp;

namespace EdgeInfer.Edge.Tests;

public sealed class EndpointTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private HttpClient Client => fixture.Server.Client;

    [Fact]
    public async Task Models_Listed_IncludeMobileNetFullVariant()
    {
        var catalog = await Client.GetFromJsonAsync<JsonElement>("/v1/models", TestContext.Current.CancellationToken);
        var model = catalog.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "mobilenet");
        var full = model.GetProperty("variants").EnumerateArray().Single(v => v.GetProperty("variant").GetString() == "full");
        Assert.Equal(4_231_976, full.GetProperty("parameters").GetInt64());
        Assert.False(full.GetProperty("trained").GetBoolean());
        Assert.True(full.GetProperty("sizeBytes").GetInt64() > 16_000_000);

        var one = await Client.GetFromJsonAsync<JsonElement>("/v1/models/mobilenet", TestContext.Current.CancellationToken);
        Assert.Equal("mobilenet", one.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Infer_Tensor_ReturnsTop5AndServerTiming()
    {
        using var response = await Client.PostAsync("/v1/models/mobilenet/infer", TestServer.Tensor(), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var timing = string.Join(",", response.Headers.GetValues("Server-Timing"));
        Assert.Contains("queue;dur=", timing, StringComparison.Ordinal);
        Assert.Contains("prune;dur=", timing, StringComparison.Ordinal);
        Assert.Contains("inference;dur=", timing, StringComparison.Ordinal);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var top5 = result.GetProperty("top5").EnumerateArray().ToList();
        Assert.Equal(5, top5.Count);
        var probabilities = top5.Select(t => t.GetProperty("probability").GetDouble()).ToList();
        Assert.Equal(probabilities.OrderDescending(), probabilities);
        Assert.All(top5, t => Assert.InRange(t.GetProperty("index").GetInt32(), 0, 999));
        Assert.Equal("full", result.GetProperty("variant").GetString());
    }

    [Fact]
    public async Task Infer_PngImage_ReturnsTop5()
    {
        using var content = new ByteArrayContent(Png(320, 240));
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using var response = await Client.PostAsync("/v1/models/mobilenet/infer", content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("image", result.GetProperty("input").GetString());
        Assert.Equal(5, result.GetProperty("top5").GetArrayLength());
    }

    [Fact]
    public async Task Infer_PngImage_IsPreprocessedExactlyAsTheAccuracyEvaluationDoes()
    {
        var ct = TestContext.Current.CancellationToken;
        var png = Png(320, 240);
        Assert.True(Imaging.ImageDecoder.TryDecode(png, out var decoded, out _));
        var tensor = new float[3 * 224 * 224];
        new Imaging.ImagePreprocessor(Imaging.PreprocessOptions.ImageNet).Process(decoded!, tensor);

        using var image = new ByteArrayContent(png);
        image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using var asImage = await Client.PostAsync("/v1/models/mobilenet/infer", image, ct);
        using var raw = new ByteArrayContent(System.Runtime.InteropServices.MemoryMarshal.AsBytes(tensor.AsSpan()).ToArray());
        raw.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        raw.Headers.Add("X-Tensor-Shape", "1,3,224,224");
        using var asTensor = await Client.PostAsync("/v1/models/mobilenet/infer", raw, ct);

        static (int Index, double Logit) Score(JsonElement t) => (t.GetProperty("index").GetInt32(), t.GetProperty("logit").GetDouble());
        var a = (await asImage.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("top5").EnumerateArray().Select(Score).ToList();
        var b = (await asTensor.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("top5").EnumerateArray().Select(Score).ToList();
        Assert.Equal(b, a); // the same floats went into the same session: bit-identical logits
    }

    [Fact]
    public async Task Infer_PrunedOnDemand_PrunesFirstThenUsesTheCache()
    {
        using var first = await Client.PostAsync("/v1/models/mobilenet/infer?pf=0.6&method=layer", TestServer.Tensor(), TestContext.Current.CancellationToken);
        using var second = await Client.PostAsync("/v1/models/mobilenet/infer?pf=0.6&method=layer", TestServer.Tensor(), TestContext.Current.CancellationToken);
        var a = await first.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var b = await second.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("pruned", a.GetProperty("origin").GetString());
        Assert.True(a.GetProperty("timings").GetProperty("pruneSeconds").GetDouble() > 0);
        Assert.Equal("cached", b.GetProperty("origin").GetString());
        Assert.Equal(0, b.GetProperty("timings").GetProperty("pruneSeconds").GetDouble());
        Assert.Equal("layer-0.60", b.GetProperty("variant").GetString());

        var catalog = await Client.GetFromJsonAsync<JsonElement>("/v1/models/mobilenet", TestContext.Current.CancellationToken);
        Assert.Contains(
            catalog.GetProperty("variants").EnumerateArray(),
            v => v.GetProperty("variant").GetString() == "layer-0.60" && v.GetProperty("origin").GetString() == "cached");
    }

    [Fact]
    public async Task DeleteCache_AfterOnDemandPrune_NextRequestPrunesAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        using (await Client.PostAsync("/v1/models/mobilenet/infer?pf=0.55", TestServer.Tensor(), ct))
        {
        }

        using var deleted = await Client.DeleteAsync("/v1/models/mobilenet/cache?pf=0.55", ct);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(2, (await deleted.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("removedFiles").GetInt32()); // dense + wire
        using var again = await Client.PostAsync("/v1/models/mobilenet/infer?pf=0.55", TestServer.Tensor(), ct);
        Assert.Equal("pruned", (await again.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("origin").GetString());
    }

    [Fact]
    public async Task Download_InterruptedThenRange_ResumesToTheSameBytes()
    {
        var ct = TestContext.Current.CancellationToken;
        var whole = await Client.GetByteArrayAsync("/v1/models/mobilenet/download?format=onnx", ct);

        using var head = new HttpRequestMessage(HttpMethod.Get, "/v1/models/mobilenet/download");
        using var partial = await Client.SendAsync(head, HttpCompletionOption.ResponseHeadersRead, ct);
        var etag = partial.Headers.ETag!;
        Assert.Equal(whole.Length, partial.Content.Headers.ContentLength);
        Assert.Equal("bytes", string.Join(",", partial.Headers.AcceptRanges));
        var buffer = new byte[100_000];
        await using (var stream = await partial.Content.ReadAsStreamAsync(ct))
        {
            await stream.ReadExactlyAsync(buffer, ct); // then the "connection drops"
        }

        using var resume = new HttpRequestMessage(HttpMethod.Get, "/v1/models/mobilenet/download");
        resume.Headers.Range = new RangeHeaderValue(buffer.Length, null);
        resume.Headers.IfRange = new RangeConditionHeaderValue(etag);
        using var rest = await Client.SendAsync(resume, ct);
        Assert.Equal(HttpStatusCode.PartialContent, rest.StatusCode);
        var tail = await rest.Content.ReadAsByteArrayAsync(ct);
        Assert.Equal(whole, buffer.Concat(tail).ToArray());
    }

    [Fact]
    public async Task Download_IfNoneMatchCurrentETag_Returns304()
    {
        var ct = TestContext.Current.CancellationToken;
        using var first = await Client.GetAsync("/v1/models/mobilenet/download", HttpCompletionOption.ResponseHeadersRead, ct);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/v1/models/mobilenet/download");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await Client.SendAsync(again, ct);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Download_PrunedWire_DecodesToAModelOrtRuns()
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await Client.GetAsync("/v1/models/mobilenet/download?pf=0.7&method=global&format=wire", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var wire = await response.Content.ReadAsByteArrayAsync(ct);
        var dense = await Client.GetByteArrayAsync("/v1/models/mobilenet/download?pf=0.7&method=global&format=onnx", ct);
        Assert.True(wire.Length < 0.5 * dense.Length, $"wire {wire.Length} B vs dense {dense.Length} B");

        var path = Path.Combine(fixture.Server.RepositoryRoot, "decoded.onnx");
        EdgeInfer.Models.Files.OnnxModelFile.Save(WireCodec.Decode(wire), path);
        using var session = RuntimeSession.Open(path, RuntimeOptions.Device with { WarmupRuns = 0 });
        session.Run();
        Assert.Equal(1000, session.Output(0).Length);
        Assert.All(session.Output(0).ToArray(), v => Assert.True(float.IsFinite(v)));
    }

    public static TheoryData<string, string, string?, int, string> BadRequests() => new()
    {
        { "POST", "/v1/models/nosuch/infer", "tensor", 404, "nosuch" },
        { "GET", "/v1/models/nosuch", null, 404, "nosuch" },
        { "GET", "/v1/models/nosuch/download", null, 404, "nosuch" },
        { "POST", "/v1/models/mobilenet/infer?pf=1.5", "tensor", 400, "pf '1.5'" },
        { "POST", "/v1/models/mobilenet/infer?pf=-0.1", "tensor", 400, "pf '-0.1'" },
        { "POST", "/v1/models/mobilenet/infer?pf=abc", "tensor", 400, "pf 'abc'" },
        { "POST", "/v1/models/mobilenet/infer?pf=0.5&method=random", "tensor", 400, "method 'random'" },
        { "GET", "/v1/models/mobilenet/download?format=zip", null, 400, "format 'zip'" },
        { "GET", "/v1/models/mobilenet/download?pf=0.5&macs=0.5&method=channel", null, 400, "either pf" },
        { "GET", "/v1/models/mobilenet/download?macs=0.5&method=global", null, 400, "needs a structured method" },
        { "GET", "/v1/models/mobilenet/download?macs=1.5&method=channel", null, 400, "macs '1.5'" },
        { "GET", "/v1/models/mobilenet/download?pf=0.5&method=int8", null, 400, "quantizes the full model" },
        { "GET", "/v1/models/mobilenet/download?pf=0.5&method=channel-ls", null, 400, "no calibration images, so it cannot build mobilenet/channel-ls-0.50" },
        { "POST", "/v1/models/mobilenet/infer?method=int8", "tensor", 400, "no calibration images, so it cannot build mobilenet/int8" },
        { "POST", "/v1/models/mobilenet/infer", "short-tensor", 400, "needs 602112 bytes" },
        { "POST", "/v1/models/mobilenet/infer", "wrong-shape", 400, "does not match" },
        { "POST", "/v1/models/mobilenet/infer", "no-shape", 400, "X-Tensor-Shape" },
        { "POST", "/v1/models/mobilenet/infer", "bad-image", 400, "not a decodable" },
        { "POST", "/v1/models/mobilenet/infer", "text", 400, "Content-Type" },
        { "POST", "/v1/models/mobilenet/infer", "huge", 413, "limit" },
        { "GET", "/v1/models/mobile..net", null, 400, "not allowed" },
        { "GET", "/v1/models/..%2F..%2Fetc/download", null, 400, "not allowed" },
        { "GET", "/v1/models/a%5Cb/download", null, 400, "not allowed" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task BadInput_Rejected_ProblemDetailsAndServerKeepsServing(string method, string url, string? body, int status, string mentions)
    {
        var ct = TestContext.Current.CancellationToken;
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = Body(body) };

        // As a well-behaved client of a large upload: the server answers 413 before the body is sent.
        request.Headers.ExpectContinue = body == "huge";
        using var response = await Client.SendAsync(request, ct);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Contains(mentions, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var health = await Client.GetAsync("/healthz", ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Metrics_AfterInference_ExposePrometheusText()
    {
        var ct = TestContext.Current.CancellationToken;
        using (await Client.PostAsync("/v1/models/mobilenet/infer", TestServer.Tensor(), ct))
        {
        }

        // The exporter caches a scrape for a short while; a later scrape sees the inference.
        var text = "";
        for (var i = 0; i < 20 && !text.Contains("edgeinfer_inferences", StringComparison.Ordinal); i++)
        {
            text = await Client.GetStringAsync("/metrics", ct);
            await Task.Delay(100, ct);
        }

        Assert.Contains("edgeinfer_inferences", text, StringComparison.Ordinal);
        Assert.Contains("edgeinfer_queue_length", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_AfterInference_ReportsRecentTimesAndSlots()
    {
        var ct = TestContext.Current.CancellationToken;
        using (await Client.PostAsync("/v1/models/mobilenet/infer", TestServer.Tensor(), ct))
        {
        }

        var status = await fixture.Server.StatusAsync();
        Assert.Equal(2, status.GetProperty("maxConcurrency").GetInt32());
        Assert.Equal(0, status.GetProperty("backgroundLoad").GetProperty("tasks").GetInt32());
        var full = status.GetProperty("inference").EnumerateArray().Single(e => e.GetProperty("variant").GetString() == "full");
        Assert.True(full.GetProperty("medianSeconds").GetDouble() > 0);
        Assert.Equal("ready", await Client.GetStringAsync("/readyz", ct));
    }

    private static HttpContent? Body(string? kind)
    {
        switch (kind)
        {
            case null:
                return null;
            case "tensor":
                return TestServer.Tensor();
            case "short-tensor":
                return TestServer.Tensor(floats: 1000);
            case "wrong-shape":
                return TestServer.Tensor(shape: "1,3,112,112");
            case "no-shape":
                var noShape = TestServer.Tensor();
                noShape.Headers.Remove("X-Tensor-Shape");
                return noShape;
            case "bad-image":
                var image = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 1, 2, 3, 4, 5]);
                image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
                return image;
            case "text":
                return new StringContent("hello");
            case "huge":
                var huge = new ByteArrayContent(new byte[17_000_000]);
                huge.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                huge.Headers.Add("X-Tensor-Shape", "1,3,224,224");
                return huge;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, new SKColor((byte)x, (byte)y, (byte)(x ^ y)));
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
