namespace EdgeInfer.Imaging;

/// <summary>
/// How an image becomes a network input <c>[3, CropSize, CropSize]</c> (CHW): resize so the shorter side is
/// <see cref="ResizeShorterSide"/> pixels (triangle filter with antialiasing, as PIL's bilinear), centre-crop
/// <see cref="CropSize"/>, then per channel <c>x = (p / 255 − Mean[c]) / Std[c]</c> with p the 0..255 pixel value.
/// Greyscale images are replicated to three channels. Defaults are the standard ImageNet ones (256, 224, torchvision mean/std, RGB).
/// </summary>
public sealed record PreprocessOptions
{
    /// <summary>Target length of the shorter side after resizing, pixels (≥ 1; ≥ <see cref="CropSize"/>). Default 256.</summary>
    public int ResizeShorterSide { get; init; } = 256;

    /// <summary>Side of the square centre crop, pixels (≥ 1). Default 224.</summary>
    public int CropSize { get; init; } = 224;

    /// <summary>Per-channel mean on the 0..1 scale, in output channel order. Default ImageNet RGB (0.485, 0.456, 0.406).</summary>
    public IReadOnlyList<float> Mean { get; init; } = [0.485f, 0.456f, 0.406f];

    /// <summary>Per-channel standard deviation on the 0..1 scale (&gt; 0), in output channel order. Default ImageNet RGB (0.229, 0.224, 0.225).</summary>
    public IReadOnlyList<float> Std { get; init; } = [0.229f, 0.224f, 0.225f];

    /// <summary>Output channel order: false = R, G, B (default); true = B, G, R.</summary>
    public bool Bgr { get; init; }

    /// <summary>The standard ImageNet preprocessing (256 → 224 crop, RGB, torchvision mean/std).</summary>
    public static PreprocessOptions ImageNet { get; } = new();

    /// <summary>Square resize to <paramref name="size"/> with no crop and raw 0..255 values (mean 0, std 1/255), RGB.</summary>
    public static PreprocessOptions Raw255(int size) => new()
    {
        ResizeShorterSide = size,
        CropSize = size,
        Mean = [0f, 0f, 0f],
        Std = [1f / 255f, 1f / 255f, 1f / 255f],
    };

    /// <summary>Every problem with these options, empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (CropSize < 1)
        {
            problems.Add($"crop size {CropSize} must be at least 1 pixel");
        }

        if (ResizeShorterSide < CropSize)
        {
            problems.Add($"resize target {ResizeShorterSide} must be at least the crop size {CropSize}");
        }

        if (Mean is null || Mean.Count != 3 || Mean.Any(m => !float.IsFinite(m)))
        {
            problems.Add("mean must be 3 finite values");
        }

        if (Std is null || Std.Count != 3 || Std.Any(s => !float.IsFinite(s) || s <= 0))
        {
            problems.Add("std must be 3 finite values > 0");
        }

        return problems;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem, if any.</summary>
    public PreprocessOptions Validated()
    {
        var problems = Problems();
        return problems.Count == 0 ? this : throw new ArgumentException("Invalid preprocessing: " + string.Join("; ", problems) + ".");
    }

    /// <summary>The options as <c>resize=R;crop=C;mean=a,b,c;std=a,b,c;order=rgb|bgr</c>, the form stored in model metadata.</summary>
    public string ToSpec() => FormattableString.Invariant(
        $"resize={ResizeShorterSide};crop={CropSize};mean={FormatFloats(Mean)};std={FormatFloats(Std)};order={(Bgr ? "bgr" : "rgb")}");

    /// <summary>Round-trippable (<c>R</c>), comma-separated.</summary>
    private static string FormatFloats(IEnumerable<float> values) =>
        string.Join(",", values.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Parses <see cref="ToSpec"/>'s form; unknown keys or bad numbers throw <see cref="FormatException"/>.</summary>
    public static PreprocessOptions ParseSpec(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var result = new PreprocessOptions();
        foreach (var part in spec.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split('=', 2);
            if (kv.Length != 2)
            {
                throw new FormatException($"Preprocessing spec part '{part}' is not key=value.");
            }

            var ci = System.Globalization.CultureInfo.InvariantCulture;
            float[] Floats() => kv[1].Split(',').Select(s => float.Parse(s, ci)).ToArray();
            result = kv[0] switch
            {
                "resize" => result with { ResizeShorterSide = int.Parse(kv[1], ci) },
                "crop" => result with { CropSize = int.Parse(kv[1], ci) },
                "mean" => result with { Mean = Floats() },
                "std" => result with { Std = Floats() },
                "order" => result with
                {
                    Bgr = kv[1] switch { "bgr" => true, "rgb" => false, _ => throw new FormatException($"Channel order '{kv[1]}' is not rgb or bgr.") },
                },
                _ => throw new FormatException($"Unknown preprocessing key '{kv[0]}'; allowed: resize, crop, mean, std, order."),
            };
        }

        return result.Validated();
    }
}
