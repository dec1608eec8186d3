using System.Text;
using EdgeInfer.Edge.Api;
using EdgeInfer.Edge.Inference;
using EdgeInfer.Models.Files;
using Microsoft.AspNetCore.Http;
using Onnx;

namespace EdgeInfer.Fuzz.Targets;

/// <summary>
/// The edge's inference body (<see cref="InputDecoder.DecodeAsync"/>) on a <see cref="DefaultHttpContext"/>, no server.
/// The input's first byte picks the Content-Type (<see cref="ContentTypes"/>), the bytes up to the first newline (at most
/// <see cref="MaxShapeBytes"/>) are the <c>X-Tensor-Shape</c> header, the rest is the body; the model takes
/// [1, 3, 4, 4]. Contract: bad input is an <see cref="EdgeProblemException"/> with a 4xx status. Images whose header
/// claims more than <see cref="ImageTarget.MaxPixels"/> are skipped, as for <see cref="ImageTarget"/>: without that
/// limit, a small body claiming a huge image made the process abort (native allocation), the known
/// "no pixel limit" problem, fixed in the edge's admission of images.
/// </summary>
public static class TensorBodyTarget
{
    /// <summary>The longest shape header taken from an input.</summary>
    public const int MaxShapeBytes = 40;

    /// <summary>The Content-Types the first byte chooses from.</summary>
    public static IReadOnlyList<string> ContentTypes { get; } =
        ["application/octet-stream", "image/png", "image/jpeg", "IMAGE/PNG; q=1", "text/plain", "application/octet-stream; x=y"];

    private static readonly long[] InputShape = [1, 3, 4, 4];

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

        if (context.Request.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true
            && ImageTarget.ClaimedPixels(rest) > ImageTarget.MaxPixels)
        {
            return; // refused before decoding by the edge's pixel limit (EdgeResourceLimits.MaxImagePixels), not by this decoder
        }

        context.Request.Body = new MemoryStream(rest.ToArray(), writable: false);
        try
        {
            var decoded = InputDecoder.DecodeAsync(context.Request, InputShape, ModelPath.Value, CancellationToken.None).GetAwaiter().GetResult();
            decoded.Release();
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
