using System.Text;
using EdgeInfer.Edge.Api;
using EdgeInfer.Edge.Inference;
using EdgeInfer.Models.Files;
using Microsoft.AspNetCore.Http;
using Onnx;

namespace EdgeInfer.Fuzz.Targets;

/// <summary>
/// The edge's inference body (<see cref="InputDecoder.ReadAsync"/>, then <see cref="ImageUpload.Decode"/> for an image) on a
/// <see cref="DefaultHttpContext"/>, no server.
/// The input's first byte picks the Content-Type (<see cref="ContentTypes"/>), the bytes up to the first newline (at most
/// <see cref="MaxShapeBytes"/>) are the <c>X-Tensor-Shape</c> header, the rest is the body; the model takes
/// [1, 3, 4, 4]. Contract: bad input is an <see cref="EdgeProblemException"/> with a 4xx status. The pixel limit is the
/// edge's own check (here <see cref="ImageTarget.MaxPixels"/>): before it existed, a small body claiming a huge image made
/// the process abort in a native allocation.
/// </summary>
public static class TensorBodyTarget
{
    /// <summary>The longest shape header taken from an input.</summary>
    public const int MaxShapeBytes = 40;

    /// <summary>The Content-Types the first byte chooses from.</summary>
    public static IReadOnlyList<string> ContentTypes { get; } =
        ["application/octet-stream", "image/png", "image/jpeg", "IMAGE/PNG; q=1", "text/plain", "application/octet-stream; x=y"];

    private static readonly long[] InputShape = [1, 3, 4, 4];

    /// <summary>The body limit the edge runs with by default (16 MB).</summary>
    private const long MaxBodyBytes = 16_000_000;

    private static readonly Lazy<string> ModelPath = new(WriteModel);

    /// <summary>Decodes <paramref name="input"/> as described above.</summary>
    public static void Run(ReadOnlySpan<byte> input)
    {
        var context = new DefaultHttpContext();
        var rest = input;
        if (!rest.IsEmpty)
        {
            context.Request.ContentType = ContentTypes[rest[0] % ContentTypes.Count];
            rest = rest[1..];
        }

        var newline = rest[..Math.Min(rest.Length, MaxShapeBytes + 1)].IndexOf((byte)'\n');
        if (newline >= 0)
        {
            context.Request.Headers[InputDecoder.ShapeHeader] = Encoding.Latin1.GetString(rest[..newline]);
            rest = rest[(newline + 1)..];
        }

        context.Request.Body = new MemoryStream(rest.ToArray(), writable: false);
        try
        {
            // The edge's own order: the body is read and an image's header checked against the pixel limit (the same
            // limit the image target uses), then the image is decoded as it would be inside an admission slot.
            var received = InputDecoder.ReadAsync(context.Request, InputShape, MaxBodyBytes, ImageTarget.MaxPixels, CancellationToken.None)
                .GetAwaiter().GetResult();
            received.Image?.Decode(ModelPath.Value, (int)InputShape[2]).Release();
            received.Release();
        }
        catch (EdgeProblemException ex) when (ex.Status is >= 400 and < 500)
        {
        }
    }

    private static string WriteModel()
    {
        var path = FuzzScratch.PathOf("tensor-body.onnx");
        OnnxModelFile.Save(new ModelProto { IrVersion = 8, Graph = new GraphProto { Name = "fuzz" } }, path);
        return path;
    }
}
