namespace EdgeInfer.Contracts;

/// <summary>The JSON answer of <c>POST /v1/models/{name}/infer</c>.</summary>
/// <param name="Model">Model name.</param>
/// <param name="Variant">Variant that ran (<c>full</c>, <c>global-0.70</c>, …).</param>
/// <param name="Origin">Where the variant came from: repository, prepruned, cached, pruned (on demand for this request).</param>
/// <param name="Input">How the input arrived: tensor or image.</param>
/// <param name="Top5">
/// The five most probable classes. When the model's output is not finite (NaN or ±∞ logits), their probabilities and logits
/// are JSON <c>null</c> (read back as NaN; see <see cref="ClassScore"/>).
/// </param>
/// <param name="Timings">Seconds per phase (decode, queue, prune, session open, inference), as in Server-Timing.</param>
public sealed record InferenceResult(string Model, string Variant, string Origin, string Input, IReadOnlyList<ClassScore> Top5, InferenceTimings Timings);
