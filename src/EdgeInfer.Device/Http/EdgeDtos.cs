using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Device.Http;

// The JSON the edge server answers with (camelCase), as much of it as the device reads.
#pragma warning disable SA1649, SA1402

/// <summary><c>GET /v1/status</c>.</summary>
public sealed record EdgeStatus(int InFlight, int Queued, int MaxConcurrency, int QueueLimit, int IntraOpThreads, int ProcessorCount, bool Draining, EdgeLoadStatus BackgroundLoad, long Prunes, IReadOnlyList<EdgeRecentTimes> Inference, IReadOnlyList<EdgeRecentTimes> Service, IReadOnlyList<EdgeRecentTimes> Prune, IReadOnlyList<EdgeRecentTimes>? SessionOpen = null, EdgeWarmupStatus? Warmup = null);

/// <summary>The edge's start-up warm-up and its prune-rate calibration (null fields when not measured).</summary>
public sealed record EdgeWarmupStatus(bool Done, string? Model, long? ModelBytes, double? PruneSeconds, double? PruneBytesPerSecond, double? SessionOpenSeconds, string? Error);

/// <summary>The edge's background load.</summary>
public sealed record EdgeLoadStatus(int Tasks, string? Model, long CompletedInferences);

/// <summary>Recent times of a model variant (or a model's prunes), seconds.</summary>
public sealed record EdgeRecentTimes(string Model, string? Variant, long Count, double MedianSeconds, double P90Seconds, double P99Seconds);

/// <summary><c>GET /v1/models/{name}</c>.</summary>
public sealed record EdgeModel(string Name, bool Trained, IReadOnlyList<string> Inputs, IReadOnlyList<EdgeVariant> Variants, EdgeAccuracy? Accuracy = null);

/// <summary>A model's recorded accuracy: the dataset and one point per (method, pruning factor).</summary>
public sealed record EdgeAccuracy(string Dataset, IReadOnlyList<EdgeAccuracyPoint> Points);

/// <summary>Top-1 and Top-5 in [0, 1] of the model pruned by a method at a pruning factor.</summary>
public sealed record EdgeAccuracyPoint(string Method, double PruningFactor, double Top1, double Top5, int Images);

/// <summary>One variant in the catalog.</summary>
public sealed record EdgeVariant(string Variant, string Origin, long SizeBytes, EdgeFormatSizes Sizes, long? Parameters, bool Trained, double? PruningFactor, string? PruningMethod, double? Top1, double? Top5);

/// <summary>Sizes per download format.</summary>
public sealed record EdgeFormatSizes(long Onnx, long? Wire, long? SparseOnnx);

/// <summary>The answer of an inference.</summary>
public sealed record EdgeInferReply(string Model, string Variant, string Origin, string Input, IReadOnlyList<EdgeClassScore> Top5, EdgeInferTimings Timings);

/// <summary>One top-k class.</summary>
public sealed record EdgeClassScore(int Index, double Probability, double Logit);

/// <summary>Server phase times, seconds.</summary>
public sealed record EdgeInferTimings(double DecodeSeconds, double QueueSeconds, double PruneSeconds, double SessionOpenSeconds, double InferenceSeconds);
