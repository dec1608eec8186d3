using System.Globalization;
using EdgeInfer.Core.Quantities;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace EdgeInfer.Edge.Security;

/// <summary>
/// Kestrel's defences against clients that hold connections without using them (idle sockets, slow headers, slow bodies,
/// slow readers). A connection over <see cref="EffectiveMaxConnections"/> is accepted and closed at once, so the clients
/// already admitted keep being served and the process never runs out of file descriptors.
/// </summary>
public sealed record ConnectionLimits
{
    /// <summary>Cap of <see cref="EffectiveMaxConnections"/> when it is derived from the open-file limit.</summary>
    public const long DefaultMaxConnectionsCap = 10_000;

    /// <summary>Concurrent connections; null: derived from the open-file limit (see <see cref="EffectiveMaxConnections"/>).</summary>
    public long? MaxConnections { get; init; }

    /// <summary>
    /// How long a connection may sit without a request: between requests, and before the first byte of the first one
    /// (an idle socket). In (0, 3600] s. Default 10 s (Kestrel's own is 130 s).
    /// </summary>
    public Seconds KeepAliveTimeout { get; init; } = new(10);

    /// <summary>How long a client may take to send a request's line and headers once it started. In (0, 3600] s. Default 10 s.</summary>
    public Seconds RequestHeadersTimeout { get; init; } = new(10);

    /// <summary>Slowest accepted upload of a request body, after <see cref="MinDataRateGracePeriod"/>; 0: no minimum. Default 240 B/s; below it 408.</summary>
    public double MinRequestBodyBytesPerSecond { get; init; } = 240;

    /// <summary>
    /// Slowest accepted reading of a response by a client, after the grace period; 0: no minimum. Default 240 B/s; below it
    /// the connection is closed.
    /// </summary>
    public double MinResponseBytesPerSecond { get; init; } = 240;

    /// <summary>Time a transfer may stay below the minimum rates before it is cut, above 1 s (Kestrel's heartbeat). Default 5 s.</summary>
    public Seconds MinDataRateGracePeriod { get; init; } = new(5);

    /// <summary>
    /// The connection cap in force: <see cref="MaxConnections"/>, else the open-file soft limit less a reserve of a quarter
    /// (at least 1024 descriptors for models, sessions and logs), at most <see cref="DefaultMaxConnectionsCap"/> and at least 64.
    /// </summary>
    public long EffectiveMaxConnections => MaxConnections ?? Derived(OpenFileLimit.Soft());

    /// <summary>The derived cap for an open-file soft limit (null: unknown or unlimited).</summary>
    internal static long Derived(long? softOpenFiles) =>
        softOpenFiles is { } soft ? Math.Clamp(soft - Math.Max(1024, soft / 4), 64, DefaultMaxConnectionsCap) : DefaultMaxConnectionsCap;

    /// <summary>Adds one line per out-of-range field to <paramref name="problems"/>.</summary>
    internal void AddProblems(List<string> problems)
    {
        if (MaxConnections is { } max)
        {
            var soft = OpenFileLimit.Soft();
            if (max < 1)
            {
                problems.Add($"max connections {max} must be at least 1");
            }
            else if (soft is { } limit && max > limit - 64)
            {
                problems.Add($"max connections {max} is above what the process can hold: its open-file limit is {limit} (keep 64 for its files)");
            }
        }

        Timeout(problems, "keep-alive timeout", KeepAliveTimeout);
        Timeout(problems, "request headers timeout", RequestHeadersTimeout);
        Rate(problems, "min request body rate", MinRequestBodyBytesPerSecond);
        Rate(problems, "min response rate", MinResponseBytesPerSecond);
        if (!(MinDataRateGracePeriod.Value is > 1 and <= 3600))
        {
            problems.Add(Invariant($"min data rate grace period {MinDataRateGracePeriod.Value} s is outside (1, 3600]"));
        }
    }

    /// <summary>Sets Kestrel's limits.</summary>
    internal void ApplyTo(KestrelServerLimits limits)
    {
        limits.MaxConcurrentConnections = EffectiveMaxConnections;
        limits.MaxConcurrentUpgradedConnections = EffectiveMaxConnections;
        limits.KeepAliveTimeout = TimeSpan.FromSeconds(KeepAliveTimeout.Value);
        limits.RequestHeadersTimeout = TimeSpan.FromSeconds(RequestHeadersTimeout.Value);
        var grace = TimeSpan.FromSeconds(MinDataRateGracePeriod.Value);
        limits.MinRequestBodyDataRate = MinRequestBodyBytesPerSecond > 0 ? new MinDataRate(MinRequestBodyBytesPerSecond, grace) : null;
        limits.MinResponseDataRate = MinResponseBytesPerSecond > 0 ? new MinDataRate(MinResponseBytesPerSecond, grace) : null;
    }

    private static void Timeout(List<string> problems, string what, Seconds value)
    {
        if (!(value.Value is > 0 and <= 3600))
        {
            problems.Add(Invariant($"{what} {value.Value} s is outside (0, 3600]"));
        }
    }

    private static void Rate(List<string> problems, string what, double value)
    {
        if (!(value is >= 0 and <= 1e9))
        {
            problems.Add(Invariant($"{what} {value} B/s is outside [0, 1e9]"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
