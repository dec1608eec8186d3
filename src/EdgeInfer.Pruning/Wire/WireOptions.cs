using EdgeInfer.Core;

namespace EdgeInfer.Pruning.Wire;

/// <summary>How a model is encoded for the wire.</summary>
/// <param name="Compression">Compression pass over the whole payload. Default Brotli.</param>
/// <param name="BrotliQuality">Brotli quality 0–11 (higher: smaller and slower). Default 1: on ResNet-152 at pf 0.7,
/// quality 5 is only 1.3 % smaller but 5× slower.</param>
/// <param name="ShuffleBytePlanes">
/// Store the packed float values as four byte planes (all first bytes, then all second bytes, …) so the sign/exponent
/// bytes sit together and compress; a lossless transform, reversed on decode. Default true.
/// </param>
public sealed record WireOptions(WireCompression Compression = WireCompression.Brotli, int BrotliQuality = 1, bool ShuffleBytePlanes = true)
{
    /// <summary>The defaults.</summary>
    public static WireOptions Default { get; } = new();

    /// <summary>Throws one <see cref="EdgeInferInputException"/> listing every invalid field.</summary>
    public WireOptions Validated()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Compression))
        {
            problems.Add($"compression must be none, brotli or deflate, got {(int)Compression}");
        }

        if (BrotliQuality is < 0 or > 11)
        {
            problems.Add($"Brotli quality must be in [0, 11], got {BrotliQuality}");
        }

        return problems.Count == 0 ? this : throw new EdgeInferInputException("Invalid wire options: " + string.Join("; ", problems) + ".");
    }
}
