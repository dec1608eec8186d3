namespace EdgeInfer.Device.Loadgen;

/// <summary>
/// The shares of request kinds in a soak (fractions summing to 1): each arrival draws its kind from a seeded random source,
/// so the same seed gives the same sequence of kinds. Malformed requests are split evenly among
/// <see cref="SoakRequestKinds.Malformed"/>.
/// </summary>
/// <param name="InferTensor">Share of tensor inferences.</param>
/// <param name="InferImage">Share of image inferences.</param>
/// <param name="DownloadRange">Share of ranged downloads of the full model.</param>
/// <param name="Prune">Share of downloads of a pruned variant of the grid (on-demand prunes).</param>
/// <param name="CacheDelete">Share of cache deletions of a variant of the grid.</param>
/// <param name="Malformed">Share of malformed requests.</param>
public sealed record SoakMix(double InferTensor, double InferImage, double DownloadRange, double Prune, double CacheDelete, double Malformed)
{
    /// <summary>
    /// The soak's realistic mix: 60 % tensor and 15 % image inferences, 12 % ranged downloads, 6 % prunes, 2 % cache
    /// deletions, 5 % malformed.
    /// </summary>
    public static SoakMix Realistic { get; } = new(0.60, 0.15, 0.12, 0.06, 0.02, 0.05);

    /// <summary>Tensor inferences only (the overload test).</summary>
    public static SoakMix InferenceOnly { get; } = new(1, 0, 0, 0, 0, 0);

    /// <summary>Every problem (a negative or non-finite share, a sum other than 1); empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var shares = new[] { InferTensor, InferImage, DownloadRange, Prune, CacheDelete, Malformed };
        var problems = new List<string>();
        if (shares.Any(s => !(s >= 0) || !double.IsFinite(s)))
        {
            problems.Add("mix shares must be finite and not negative");
        }
        else if (Math.Abs(shares.Sum() - 1) > 1e-9)
        {
            problems.Add(FormattableString.Invariant($"mix shares sum to {shares.Sum():0.###}, not 1"));
        }

        return problems;
    }

    /// <summary>The kind for a uniform draw <paramref name="u"/> in [0, 1) and a second one <paramref name="v"/> that picks the malformed kind.</summary>
    public SoakRequestKind Pick(double u, double v)
    {
        var edges = new (double Share, SoakRequestKind Kind)[]
        {
            (InferTensor, SoakRequestKind.InferTensor), (InferImage, SoakRequestKind.InferImage), (DownloadRange, SoakRequestKind.DownloadRange),
            (Prune, SoakRequestKind.Prune), (CacheDelete, SoakRequestKind.CacheDelete),
        };
        var sum = 0.0;
        foreach (var (share, kind) in edges)
        {
            sum += share;
            if (u < sum)
            {
                return kind;
            }
        }

        if (Malformed <= 0)
        {
            // Rounding at the top of the range: the last kind with a share.
            return edges.Last(e => e.Share > 0).Kind;
        }

        var malformed = SoakRequestKinds.Malformed;
        return malformed[Math.Min((int)(v * malformed.Count), malformed.Count - 1)];
    }
}
