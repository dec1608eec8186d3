namespace EdgeInfer.Device.Loadgen;

/// <summary>What one request of a soak sends (<see cref="SoakMix"/> picks one per arrival).</summary>
public enum SoakRequestKind
{
    /// <summary><c>POST …/infer</c> with a float32 tensor body of the model's input shape.</summary>
    InferTensor,

    /// <summary><c>POST …/infer</c> with a PNG or JPEG image body.</summary>
    InferImage,

    /// <summary><c>GET …/download</c> of the full model (onnx, wire or sparse-onnx) with a <c>Range</c> header.</summary>
    DownloadRange,

    /// <summary><c>GET …/download?pf=</c> of a pf of the prune grid: an on-demand prune when the variant is not cached.</summary>
    Prune,

    /// <summary><c>DELETE …/cache?pf=</c> of a pf of the prune grid, so that the next request prunes again.</summary>
    CacheDelete,

    /// <summary>An inference with a pf outside [0, 1): must be a 4xx.</summary>
    BadPf,

    /// <summary>A tensor whose <c>X-Tensor-Shape</c> does not match the model: must be a 4xx.</summary>
    BadShape,

    /// <summary>A tensor body cut to half its length: must be a 4xx.</summary>
    TruncatedTensor,

    /// <summary>Bytes that are no image, sent as <c>image/png</c>: must be a 4xx.</summary>
    NotAnImage,

    /// <summary>An inference on a model the edge does not have: must be a 4xx.</summary>
    UnknownModel,
}

/// <summary>Groups of <see cref="SoakRequestKind"/>.</summary>
public static class SoakRequestKinds
{
    /// <summary>The malformed kinds, each of which must be answered with a 4xx.</summary>
    public static IReadOnlyList<SoakRequestKind> Malformed { get; } =
    [
        SoakRequestKind.BadPf, SoakRequestKind.BadShape, SoakRequestKind.TruncatedTensor, SoakRequestKind.NotAnImage, SoakRequestKind.UnknownModel,
    ];

    /// <summary>True for the kinds that must be answered with a 4xx.</summary>
    public static bool IsMalformed(this SoakRequestKind kind) => kind >= SoakRequestKind.BadPf;

    /// <summary>True for the well-formed inferences, whose latency the soak's windows summarise.</summary>
    public static bool IsInference(this SoakRequestKind kind) => kind is SoakRequestKind.InferTensor or SoakRequestKind.InferImage;

    /// <summary>The kind's name in reports: kebab-case (<c>infer-tensor</c>, <c>bad-pf</c>).</summary>
    public static string Name(this SoakRequestKind kind) => kind switch
    {
        SoakRequestKind.InferTensor => "infer-tensor",
        SoakRequestKind.InferImage => "infer-image",
        SoakRequestKind.DownloadRange => "download-range",
        SoakRequestKind.Prune => "prune",
        SoakRequestKind.CacheDelete => "cache-delete",
        SoakRequestKind.BadPf => "bad-pf",
        SoakRequestKind.BadShape => "bad-shape",
        SoakRequestKind.TruncatedTensor => "truncated-tensor",
        SoakRequestKind.NotAnImage => "not-an-image",
        SoakRequestKind.UnknownModel => "unknown-model",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
