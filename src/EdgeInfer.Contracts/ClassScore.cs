namespace EdgeInfer.Contracts;

/// <summary>
/// One of the top-k classes: its index, softmax probability and raw logit. A model that produces NaN or ±∞ (e.g. from an
/// input tensor holding NaN) has them here as NaN or ±∞; <see cref="EdgeJson"/> writes such a value as JSON <c>null</c>
/// and reads <c>null</c> back as NaN, so the answer stays valid JSON and the client sees that the score is not a number.
/// </summary>
public sealed record ClassScore(int Index, double Probability, double Logit);
