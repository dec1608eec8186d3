namespace EdgeInfer.Core.Planning;

/// <summary>
/// For one device-* strategy: the smallest Q (1 ≤ Q ≤ <see cref="MaxRequests"/>) at which it is strictly cheaper than
/// edge-full on lifetime delay, on lifetime device energy and on exchanged data; null when it never is within the bound.
/// </summary>
public readonly record struct BreakEven(Strategy Strategy, long? Delay, long? Energy, long? Data)
{
    /// <summary>Search bound, 10^6 requests.</summary>
    public const long MaxRequests = 1_000_000;
}
