using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EdgeInfer.Compression.Calibration;
using EdgeInfer.Models.Inspection;
using EdgeInfer.Models.Repository;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Pruning.Wire;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Onnx;

namespace EdgeInfer.Edge.Tests;

/// <summary>
/// Every variant kind at the edge: a pre-made INT8 variant served in every download format and for inference, a MACs
/// budget built on demand, and the calibration images of data-aware kinds asked for from the host.
/// </summary>
public sealed class VariantKindTests : IAsyncLifetime
{
    private readonly List<long> calibrated = [];
    private TestServer server = null!;

    private HttpClient Client => server.Client;

    public async ValueTask InitializeAsync()
    {
        server = await TestServer.StartAsync(calibration: model =>
        {
            lock (calibrated)
            {
                // The model is the builder's, transformed after this call: read what is needed now.
                calibrated.Add(ParameterCounter.Count(model.Graph));
            }

            // Two noise images at the model's input size.
            var size = (int)model.Graph.Input[0].Type.TensorType.Shape.Dim[2].DimValue;
            var random = new Random(9);
            return new CalibrationSet("noise", 3, size, size, [.. Enumerable.Range(0, 3 * size * size * 2).Select(_ => random.NextSingle())]);
        });
        var repository = ModelRepository.Open(server.RepositoryRoot);
        repository.Add(QdqModel.Build(quantized: false), new ModelAddRequest { Name = "qdq", Trained = false, Source = "test" });
        repository.Add(
            QdqModel.Build(quantized: true),
            new ModelAddRequest { Name = "qdq", Variant = "int8", Trained = false, Source = "qdq/full", Precision = "int8" });
    }

    public async ValueTask DisposeAsync() => await server.DisposeAsync();

    [Theory]
    [InlineData("onnx")]
    [InlineData("wire")]
    [InlineData("sparse-onnx")]
    public async Task Download_PremadeInt8InEachFormat_RunsInOrtAsTheStoredModelAndTheCatalogGivesItsSize(string format)
    {
        var ct = TestContext.Current.CancellationToken;

        using var response = await Client.GetAsync($"/v1/models/qdq/download?method=int8&format={format}", ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("prepruned", response.Headers.GetValues("X-EdgeInfer-Origin").Single());
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        var model = format == "wire" ? WireCodec.Decode(bytes) : ModelProto.Parser.ParseFrom(bytes);
        Assert.Contains(model.Graph.Initializer, t => t.DataType == (int)TensorProto.Types.DataType.Int8);
        Assert.Equal(Run(QdqModel.Build(quantized: true).ToByteArray()), Run(model.ToByteArray()));

        var catalog = await Client.GetFromJsonAsync<JsonElement>("/v1/models/qdq", ct);
        var int8 = catalog.GetProperty("variants").EnumerateArray().Single(v => v.GetProperty("variant").GetString() == "int8");
        Assert.Equal("int8", int8.GetProperty("precision").GetString());
        var key = format switch
        {
            "wire" => "wire",
            "sparse-onnx" => "sparseOnnx",
            _ => "onnx",
        };
        Assert.Equal(bytes.Length, int8.GetProperty("sizes").GetProperty(key).GetInt64());
    }

    [Fact]
    public async Task Infer_PremadeInt8_AnswersWithItsScores()
    {
        var ct = TestContext.Current.CancellationToken;

        using var response = await Client.PostAsync("/v1/models/qdq/infer?method=int8", TestServer.Tensor(3 * 16 * 16, "1,3,16,16"), ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("int8", result.GetProperty("variant").GetString());
        Assert.Equal(5, result.GetProperty("top5").GetArrayLength());
    }

    [Fact]
    public async Task Download_ChannelMacsBudget_IsBuiltOnceOnDemandMeetsTheBudgetAndIsListed()
    {
        var ct = TestContext.Current.CancellationToken;
        const string url = "/v1/models/mobilenet/download?macs=0.5&method=channel&format=wire";

        using var first = await Client.GetAsync(url, ct);
        using var second = await Client.GetAsync(url, ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("pruned", first.Headers.GetValues("X-EdgeInfer-Origin").Single());
        Assert.Equal("cached", second.Headers.GetValues("X-EdgeInfer-Origin").Single());
        var model = WireCodec.Decode(await first.Content.ReadAsByteArrayAsync(ct));
        var full = ModelRepository.Open(server.RepositoryRoot).Get("mobilenet").Metadata.Macs!.Value;
        Assert.True(ShapeInference.Run(model.Graph).Macs <= 0.5 * full);
        Assert.Empty(calibrated);

        var catalog = await Client.GetFromJsonAsync<JsonElement>("/v1/models/mobilenet", ct);
        var built = catalog.GetProperty("variants").EnumerateArray().Single(v => v.GetProperty("variant").GetString() == "channel-macs0.50");
        Assert.Equal("cached", built.GetProperty("origin").GetString());
        Assert.Equal(0.5, built.GetProperty("macsBudget").GetDouble());
        Assert.Equal("channel", built.GetProperty("pruningMethod").GetString());
    }

    [Fact]
    public async Task Download_Int8OnDemand_IsQuantizedWithTheHostsImagesAndListedWithItsWireSize()
    {
        var ct = TestContext.Current.CancellationToken;

        using var response = await Client.GetAsync("/v1/models/mobilenet/download?method=int8&format=wire", ct);

        // The images are asked for once, with the full model (its input and preprocessing metadata).
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var full = Assert.Single(calibrated);
        var entry = ModelRepository.Open(server.RepositoryRoot).Get("mobilenet");
        Assert.Equal(entry.Metadata.Parameters, full);
        Assert.Equal("pruned", response.Headers.GetValues("X-EdgeInfer-Origin").Single());

        var wire = await response.Content.ReadAsByteArrayAsync(ct);
        var model = WireCodec.Decode(wire);
        Assert.Contains(model.Graph.Initializer, t => t.DataType == (int)TensorProto.Types.DataType.Int8);
        Assert.True(wire.Length < 0.4 * entry.Metadata.SizeBytes, $"{wire.Length} B of INT8 wire for a {entry.Metadata.SizeBytes} B model");

        var catalog = await Client.GetFromJsonAsync<JsonElement>("/v1/models/mobilenet", ct);
        var int8 = catalog.GetProperty("variants").EnumerateArray().Single(v => v.GetProperty("variant").GetString() == "int8");
        Assert.Equal(("cached", "int8"), (int8.GetProperty("origin").GetString(), int8.GetProperty("precision").GetString()));
        Assert.Equal(wire.Length, int8.GetProperty("sizes").GetProperty("wire").GetInt64());
        var status = await server.StatusAsync();
        Assert.Contains(status.GetProperty("prune").EnumerateArray(), p => p.GetProperty("variant").GetString() == "int8");
    }

    [Fact]
    public async Task Infer_PrunedPlusInt8ByItsQuery_IsBuiltOnDemandAndAnswersAsThatVariant()
    {
        var ct = TestContext.Current.CancellationToken;
        var variant = ModelVariant.FromRequest("qdq", "0.5", "global+int8");

        // The device's query escapes the '+' of the kind, which a query would read as a space.
        using var response = await Client.PostAsync($"/v1/models/qdq/infer?{variant.Query}", TestServer.Tensor(3 * 16 * 16, "1,3,16,16"), ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("global+int8-0.50", result.GetProperty("variant").GetString());
        Assert.Equal("pruned", result.GetProperty("origin").GetString());
        var built = Path.Combine(server.RepositoryRoot, ".edge-cache", "qdq", "global+int8-0.50", "model.onnx");
        Assert.Contains(ModelProto.Parser.ParseFrom(File.ReadAllBytes(built)).Graph.Initializer, t => t.DataType == (int)TensorProto.Types.DataType.Int8);
    }

    [Fact]
    public async Task Download_ChannelLsOnDemand_IsBuiltWithTheHostsImagesAndItsBuildTimeIsReportedPerVariant()
    {
        var ct = TestContext.Current.CancellationToken;

        using var response = await Client.GetAsync("/v1/models/qdq/download?pf=0.5&method=channel-ls&format=sparse-onnx", ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("pruned", response.Headers.GetValues("X-EdgeInfer-Origin").Single());
        Assert.Single(calibrated);
        var model = ModelProto.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync(ct));
        Assert.Equal(10, Run(model.ToByteArray()).Length);
        var status = await server.StatusAsync();
        var builds = status.GetProperty("prune").EnumerateArray().Single(p => p.GetProperty("variant").GetString() == "channel-ls-0.50");
        Assert.Equal(("qdq", 1), (builds.GetProperty("model").GetString(), builds.GetProperty("count").GetInt32()));
    }

    private static float[] Run(byte[] model)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1 };
        using var session = new InferenceSession(model, options);
        var values = Enumerable.Range(0, 3 * 16 * 16).Select(i => (i % 17) / 17f).ToArray();
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("input", new DenseTensor<float>(values, [1, 3, 16, 16]))]);
        return results[0].AsTensor<float>().ToArray();
    }
}
