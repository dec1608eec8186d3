using System.Runtime.InteropServices;
using EdgeInfer.Core;

namespace EdgeInfer.Device.Execution;

/// <summary>
/// What the device infers on: the upload body and its content type, and for local inference the float32 tensor.
/// Images (JPEG/PNG) are uploaded as they are (the edge preprocesses them); local inference needs a tensor.
/// </summary>
/// <param name="Body">Bytes one edge inference uploads.</param>
/// <param name="ContentType"><c>application/octet-stream</c>, <c>image/jpeg</c> or <c>image/png</c>.</param>
/// <param name="Shape">Tensor shape header value (e.g. <c>1,3,224,224</c>), null for images.</param>
/// <param name="Description">Where it came from.</param>
public sealed record DeviceInput(byte[] Body, string ContentType, string? Shape, string Description)
{
    /// <summary>True when the body is a raw float32 tensor (usable for local inference).</summary>
    public bool IsTensor => Shape is not null;

    /// <summary>A deterministic uniform [0, 1) tensor of <paramref name="shape"/> (seed 42).</summary>
    public static DeviceInput Synthetic(IReadOnlyList<long> shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var values = new float[shape.Aggregate(1L, (a, d) => a * d)];
        var random = new Random(42);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = random.NextSingle();
        }

        var body = MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
        return new DeviceInput(body, "application/octet-stream", string.Join(",", shape), "synthetic uniform [0,1) tensor, seed 42");
    }

    /// <summary>A JPEG/PNG image, or a raw little-endian float32 tensor file (<c>.bin</c>, <c>.raw</c>, <c>.f32</c>) of <paramref name="shape"/>.</summary>
    /// <exception cref="EdgeInferInputException">Missing file, unknown extension, or a tensor of the wrong length.</exception>
    public static DeviceInput FromFile(string path, IReadOnlyList<long> shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (!File.Exists(path))
        {
            throw new EdgeInferInputException($"input file '{path}' does not exist.");
        }

        var bytes = File.ReadAllBytes(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        switch (extension)
        {
            case ".jpg" or ".jpeg":
                return new DeviceInput(bytes, "image/jpeg", null, path);
            case ".png":
                return new DeviceInput(bytes, "image/png", null, path);
            case ".bin" or ".raw" or ".f32":
                var expected = shape.Aggregate(1L, (a, d) => a * d) * sizeof(float);
                return bytes.Length == expected
                    ? new DeviceInput(bytes, "application/octet-stream", string.Join(",", shape), path)
                    : throw new EdgeInferInputException(
                        $"input file '{path}' holds {bytes.Length} bytes; a float32 tensor of shape [{string.Join(",", shape)}] needs {expected}.");
            default:
                throw new EdgeInferInputException(
                    $"input file '{path}' has extension '{extension}'; use .jpg, .jpeg, .png or a raw float32 tensor (.bin, .raw, .f32).");
        }
    }
}
