namespace EdgeInfer.Contracts;

/// <summary>One of the top-k classes: its index, softmax probability and raw logit.</summary>
public sealed record ClassScore(int Index, double Probability, double Logit);
