using System.Globalization;

namespace EdgeInfer.Edge.Security;

/// <summary>
/// The per-client request budget (a token bucket per <see cref="ClientIdentity"/>: key name, else address): on average
/// <see cref="RequestsPerSecond"/>, in bursts of up to <see cref="Burst"/>; beyond it 429 with <c>Retry-After</c>.
/// <c>/healthz</c> and <c>/readyz</c> are not counted. The defaults are far above what a device asks (one request per
/// offloaded task) and above a one-client load generator at a few hundred requests per second, so only floods meet it.
/// </summary>
public sealed record ClientRateLimit
{
    /// <summary>Requests per second a client may sustain, in [0, 1,000,000]; 0 turns the limit off. Default 1000.</summary>
    public int RequestsPerSecond { get; init; } = 1000;

    /// <summary>Requests a client may make at once beyond the sustained rate (the bucket size), in [1, 1,000,000]. Default 2000.</summary>
    public int Burst { get; init; } = 2000;

    /// <summary>Whether the limit is on.</summary>
    public bool Enabled => RequestsPerSecond > 0;

    /// <summary>Adds one line per out-of-range field to <paramref name="problems"/>.</summary>
    internal void AddProblems(List<string> problems)
    {
        if (RequestsPerSecond is < 0 or > 1_000_000)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"rate limit {RequestsPerSecond} requests/s is outside [0, 1000000]"));
        }

        if (Burst is < 1 or > 1_000_000)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"rate-limit burst {Burst} is outside [1, 1000000]"));
        }
    }
}
