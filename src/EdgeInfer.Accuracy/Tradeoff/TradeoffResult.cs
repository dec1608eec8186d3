namespace EdgeInfer.Accuracy.Tradeoff;

/// <summary>A trade-off measurement of one model: the full model's row first, then one row per variant.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Rows">The full model, then each variant in the order asked.</param>
/// <param name="Samples">Timed runs of each variant (and as many of the full model beside it).</param>
/// <param name="IntraOpThreads">ORT intra-op threads of the timed sessions.</param>
/// <param name="WallSeconds">Wall time of the whole measurement, seconds.</param>
public sealed record TradeoffResult(string Model, IReadOnlyList<TradeoffRow> Rows, int Samples, int IntraOpThreads, double WallSeconds)
{
    /// <summary>Variants that could not be built (no row), each with the reason: <c>channel-ls-0.30: …</c>.</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];
}
