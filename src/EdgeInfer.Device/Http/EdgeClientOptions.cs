using EdgeInfer.Core;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Core.Radio;
using EdgeInfer.Device.Shaping;

namespace EdgeInfer.Device.Http;

/// <summary>How the device talks to the edge. Validated once by <see cref="Validated"/>.</summary>
public sealed record EdgeClientOptions
{
    /// <summary>The edge server, e.g. <c>http://127.0.0.1:5080</c>.</summary>
    public required Uri Edge { get; init; }

    /// <summary>Link rates the HTTP traffic is shaped to; null: no shaping (raw loopback).</summary>
    public LinkRates? Shaping { get; init; }

    /// <summary>Retries after the first attempt for timeouts, 5xx, 408 and 429 (honouring Retry-After), in [0, 10]. Default 3.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First backoff delay (exponential with jitter after it). Default 0.2 s.</summary>
    public Seconds RetryDelay { get; init; } = new(0.2);

    /// <summary>Timeout of one attempt. Default 300 s (a 241 MB model over a slow link).</summary>
    public Seconds AttemptTimeout { get; init; } = new(300);

    /// <summary>Faults the emulated link injects (drops, stalls; <see cref="LinkFaults"/>). Default none.</summary>
    public LinkFaultOptions Faults { get; init; } = LinkFaultOptions.None;

    /// <summary>Checks every field; throws one <see cref="EdgeInferInputException"/> listing every problem.</summary>
    public EdgeClientOptions Validated()
    {
        var problems = new List<string>();
        if (!Edge.IsAbsoluteUri || Edge.Scheme is not ("http" or "https"))
        {
            problems.Add($"edge URL '{Edge}' is not an absolute http(s) URL");
        }

        if (MaxRetries is < 0 or > 10)
        {
            problems.Add($"retries {MaxRetries} is outside [0, 10]");
        }

        if (!(AttemptTimeout.Value > 0))
        {
            problems.Add($"attempt timeout {AttemptTimeout.Value} s must be positive");
        }

        if (Shaping is { } rates && (!(rates.Uplink.Value > 0) || !(rates.Downlink.Value > 0)))
        {
            problems.Add("shaping rates must be positive");
        }

        problems.AddRange(Faults.Problems());
        return problems.Count == 0 ? this : throw new EdgeInferInputException("Invalid edge client options: " + string.Join("; ", problems) + ".");
    }
}
