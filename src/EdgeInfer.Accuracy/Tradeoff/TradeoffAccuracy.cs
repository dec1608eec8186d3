namespace EdgeInfer.Accuracy.Tradeoff;

/// <summary>Top-1/Top-5 of one variant on one dataset.</summary>
/// <param name="Dataset">The dataset's description.</param>
/// <param name="Images">Images evaluated.</param>
/// <param name="Top1">Top-1, fraction in [0, 1].</param>
/// <param name="Top5">Top-5, fraction in [0, 1].</param>
public sealed record TradeoffAccuracy(string Dataset, int Images, double Top1, double Top5);
