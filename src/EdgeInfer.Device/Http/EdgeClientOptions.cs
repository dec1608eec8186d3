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

    /// <summary>The environment variable the key is read from when <see cref="ApiKey"/> is not given.</summary>
    public const string ApiKeyVariable = "EDGEINFER_API_KEY";

    /// <summary>The environment variable the trusted certificate file is read from when <see cref="TrustedCertificatePath"/> is not given.</summary>
    public const string TrustedCertificateVariable = "EDGEINFER_TRUST_CERT";

    /// <summary>
    /// The API key sent as <c>Authorization: Bearer</c>; null: the value of <see cref="ApiKeyVariable"/>, else none (an edge
    /// on loopback without keys needs none); empty: none, whatever the environment says. Never printed by <see cref="ToString"/>.
    /// </summary>
    public string? ApiKey { get; init; }

    /// <summary>
    /// A PEM or DER certificate (the edge's own, or the CA that issued it) trusted as the only root for an https edge, e.g. a
    /// self-signed one; null: the value of <see cref="TrustedCertificateVariable"/>, else the system's trust store.
    /// </summary>
    public string? TrustedCertificatePath { get; init; }

    /// <summary>The key in force: <see cref="ApiKey"/>, else <see cref="ApiKeyVariable"/>; null for none.</summary>
    public string? EffectiveApiKey => ApiKey is null ? NonEmpty(Environment.GetEnvironmentVariable(ApiKeyVariable)) : NonEmpty(ApiKey);

    /// <summary>The trusted certificate file in force: <see cref="TrustedCertificatePath"/>, else <see cref="TrustedCertificateVariable"/>.</summary>
    public string? EffectiveTrustedCertificatePath => TrustedCertificatePath ?? NonEmpty(Environment.GetEnvironmentVariable(TrustedCertificateVariable));

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

        if (EffectiveApiKey is { } key && !key.All(c => c is > ' ' and < (char)127))
        {
            problems.Add("the API key must be printable ASCII without spaces");
        }

        if (EffectiveTrustedCertificatePath is { } trusted && !File.Exists(trusted))
        {
            problems.Add($"trusted certificate file '{trusted}' does not exist");
        }

        problems.AddRange(Faults.Problems());
        return problems.Count == 0 ? this : throw new EdgeInferInputException("Invalid edge client options: " + string.Join("; ", problems) + ".");
    }

    /// <summary>The fields, with the API key left out.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"Edge = {Edge}, Shaping = {Shaping}, MaxRetries = {MaxRetries}, ");
        builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"RetryDelay = {RetryDelay}, AttemptTimeout = {AttemptTimeout}, ");
        var key = EffectiveApiKey is null ? "none" : "(set)";
        builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"ApiKey = {key}, TrustedCertificatePath = {TrustedCertificatePath}, ");
        builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"Faults = {Faults}");
        return true;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
