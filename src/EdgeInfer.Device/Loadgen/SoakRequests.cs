using System.Globalization;
using System.Net.Http.Headers;
using EdgeInfer.Device.Execution;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Device.Loadgen;

/// <summary>
/// Builds the HTTP request of each <see cref="SoakRequestKind"/>; the choices inside a kind (image, format, range, pf) come
/// from a seeded draw.
/// </summary>
/// <param name="model">The model.</param>
/// <param name="tensor">A tensor input of the model's shape.</param>
/// <param name="images">Image inputs (PNG, JPEG) for image inferences.</param>
/// <param name="grid">The pfs prunes and cache deletions pick from.</param>
/// <param name="formatBytes">The full model's size per download format (<c>onnx</c>, <c>wire</c>, <c>sparse-onnx</c>), bytes.</param>
internal sealed class SoakRequests(
    string model,
    DeviceInput tensor,
    IReadOnlyList<DeviceInput> images,
    IReadOnlyList<PruningFactor> grid,
    IReadOnlyList<(string Format, long Bytes)> formatBytes)
{
    /// <summary>A model name no edge has.</summary>
    public const string UnknownModelName = "no-such-model";

    private readonly string modelPath = "/v1/models/" + Uri.EscapeDataString(model);
    private readonly byte[] truncated = tensor.Body[..(tensor.Body.Length / 2)];

    public HttpRequestMessage Create(SoakRequestKind kind, Random random)
    {
        return kind switch
        {
            SoakRequestKind.InferTensor => Infer(modelPath + "/infer", tensor.Body, tensor.ContentType, tensor.Shape),
            SoakRequestKind.InferImage => Image(images[random.Next(images.Count)]),
            SoakRequestKind.DownloadRange => Range(random),
            SoakRequestKind.Prune => Get(modelPath + "/download?format=onnx&pf=" + Pf(random), "bytes=0-65535"),
            SoakRequestKind.CacheDelete => new HttpRequestMessage(HttpMethod.Delete, modelPath + "/cache?pf=" + Pf(random)),
            SoakRequestKind.BadPf => Infer(modelPath + "/infer?pf=1.5", tensor.Body, tensor.ContentType, tensor.Shape),
            SoakRequestKind.BadShape => Infer(modelPath + "/infer", tensor.Body, tensor.ContentType, "1,3,100,100"),
            SoakRequestKind.TruncatedTensor => Infer(modelPath + "/infer", truncated, tensor.ContentType, tensor.Shape),
            SoakRequestKind.NotAnImage => Infer(modelPath + "/infer", Noise(random), "image/png", null),
            SoakRequestKind.UnknownModel => Infer($"/v1/models/{UnknownModelName}/infer", tensor.Body, tensor.ContentType, tensor.Shape),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    private static HttpRequestMessage Infer(string url, byte[] body, string contentType, string? shape)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (shape is not null)
        {
            content.Headers.Add("X-Tensor-Shape", shape);
        }

        return new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
    }

    private HttpRequestMessage Image(DeviceInput image) => Infer(modelPath + "/infer", image.Body, image.ContentType, null);

    private static HttpRequestMessage Get(string url, string range)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Range", range);
        return request;
    }

    /// <summary>A random slice of 4 kB to 256 kB of the full model in a random format.</summary>
    private HttpRequestMessage Range(Random random)
    {
        var (format, bytes) = formatBytes[random.Next(formatBytes.Count)];
        var length = Math.Min(bytes, random.Next(4 << 10, (256 << 10) + 1));
        var start = random.NextInt64(0, bytes - length + 1);
        return Get(modelPath + "/download?format=" + format, string.Create(CultureInfo.InvariantCulture, $"bytes={start}-{start + length - 1}"));
    }

    private string Pf(Random random) => grid[random.Next(grid.Count)].ToString();

    private static byte[] Noise(Random random)
    {
        var bytes = new byte[2048];
        random.NextBytes(bytes);
        return bytes;
    }
}
