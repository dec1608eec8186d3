using System.Globalization;
using System.Net;
using EdgeInfer.Core;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Edge.Security;

namespace EdgeInfer.Edge.Hosting;

/// <summary>
/// How an edge server runs. Immutable; <see cref="Validated"/> checks every field once and lists every problem in one message.
/// </summary>
public sealed record EdgeServerOptions
{
    /// <summary>Kestrel URLs, e.g. <c>http://127.0.0.1:5080</c>; port 0 picks a free port. Default <c>http://127.0.0.1:5080</c>.</summary>
    public IReadOnlyList<string> Urls { get; init; } = ["http://127.0.0.1:5080"];

    /// <summary>The model repository folder (Triton layout); null for the default repository.</summary>
    public string? Repository { get; init; }

    /// <summary>Inferences that run at once, in [1, 1024]. Default: the number of cores.</summary>
    public int MaxConcurrency { get; init; } = Environment.ProcessorCount;

    /// <summary>Inferences that may wait for a slot, in [0, 100000]; beyond it requests get 429. Default 64.</summary>
    public int QueueLimit { get; init; } = 64;

    /// <summary>
    /// Intra-op threads of each inference session, in [1, 1024]; null: cores / <see cref="MaxConcurrency"/> (at least 1),
    /// so a saturated server uses every core once.
    /// </summary>
    public int? IntraOpThreads { get; init; }

    /// <summary>Background inference tasks (the paper's edge load L), in [0, 1024]. Default 0.</summary>
    public int BackgroundLoad { get; init; }

    /// <summary>Model the background tasks run (repository name); null: <c>mobilenet</c> when present, else the first model.</summary>
    public string? BackgroundLoadModel { get; init; }

    /// <summary>Largest accepted request body. Default 16 MB (a 224×224 float tensor is 602,112 B).</summary>
    public Bytes MaxRequestBody { get; init; } = new(16_000_000);

    /// <summary>Longest time a request may wait for and run inference before it is answered 503. Default 30 s.</summary>
    public Seconds RequestTimeout { get; init; } = new(30);

    /// <summary>Size bound of the on-demand pruning cache (least recently used files are evicted). Default 4 GB.</summary>
    public Bytes CacheLimit { get; init; } = new(4_000_000_000);

    /// <summary>How long a graceful shutdown waits for in-flight requests. Default 30 s.</summary>
    public Seconds ShutdownTimeout { get; init; } = new(30);

    /// <summary>
    /// Warm up before reporting ready (<c>/readyz</c> is 503 until done): time two on-demand prunes of the smallest model
    /// (the second is the prune-rate calibration <c>/v1/status</c> reports) and call each endpoint once over HTTP, so no
    /// device meets cold code. Default true.
    /// </summary>
    public bool Warmup { get; init; } = true;

    /// <summary>
    /// Bounds on what one client can make the edge spend (connections, on-demand builds, image pixels, …); see
    /// <see cref="EdgeResourceLimits"/>. Validated with the rest.
    /// </summary>
    public EdgeResourceLimits Resources { get; init; } = new();

    /// <summary>
    /// The API keys the server accepts (<see cref="ApiKeyList"/> reads them from a file or <c>EDGEINFER_API_KEYS</c>). With
    /// keys, inference, downloads, catalog and status need one unless <see cref="AllowAnonymous"/>; administrative endpoints
    /// always need an admin key. Without keys, administrative endpoints and <c>/metrics</c> answer loopback clients only.
    /// Default none.
    /// </summary>
    public IReadOnlyList<ApiKey> ApiKeys { get; init; } = [];

    /// <summary>
    /// Serve inference, downloads, catalog and status without a key; needed (as an explicit opt-out) to listen beyond
    /// loopback without any key. Administrative endpoints are never anonymous. Default false.
    /// </summary>
    public bool AllowAnonymous { get; init; }

    /// <summary>The per-client request budget (token bucket, 429 beyond it). See <see cref="ClientRateLimit"/>.</summary>
    public ClientRateLimit RateLimit { get; init; } = new();

    /// <summary>Kestrel's connection cap, idle and header timeouts and minimum data rates. See <see cref="Security.ConnectionLimits"/>.</summary>
    public ConnectionLimits Connections { get; init; } = new();

    /// <summary>The certificate for <c>https</c> URLs; needed by them, and only given with one. Default none.</summary>
    public TlsCertificate? Tls { get; init; }

    /// <summary>The intra-op threads actually used per session.</summary>
    public int EffectiveIntraOpThreads => IntraOpThreads ?? Math.Max(1, Environment.ProcessorCount / Math.Max(1, MaxConcurrency));

    /// <summary>Checks every field; throws one <see cref="EdgeInferInputException"/> listing every problem.</summary>
    public EdgeServerOptions Validated()
    {
        var problems = new List<string>();
        if (Urls.Count == 0)
        {
            problems.Add("at least one URL is needed");
        }

        foreach (var url in Urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                problems.Add($"URL '{url}' is not an absolute http(s) URL");
            }
        }

        AddSecurityProblems(problems);

        Range(problems, "max concurrency", MaxConcurrency, 1, 1024);
        Range(problems, "queue limit", QueueLimit, 0, 100_000);
        Range(problems, "background load", BackgroundLoad, 0, 1024);
        if (IntraOpThreads is { } threads)
        {
            Range(problems, "intra-op threads", threads, 1, 1024);
        }

        if (MaxRequestBody.Value < 1024)
        {
            problems.Add($"max request body {MaxRequestBody.Value} B is below 1024 B");
        }

        if (!(RequestTimeout.Value > 0))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"request timeout {RequestTimeout.Value} s must be positive"));
        }

        if (!(ShutdownTimeout.Value >= 0))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"shutdown timeout {ShutdownTimeout.Value} s must not be negative"));
        }

        if (CacheLimit.Value < 0)
        {
            problems.Add($"cache limit {CacheLimit.Value} B must not be negative");
        }

        Resources.AddProblems(problems);
        return problems.Count == 0 ? this : throw new EdgeInferInputException("Invalid edge server options: " + string.Join("; ", problems) + ".");
    }

    /// <summary>
    /// Whether a listening URL reaches only this host: <c>localhost</c> or a loopback address (<c>127.0.0.0/8</c>, <c>::1</c>).
    /// Anything else (<c>0.0.0.0</c>, <c>::</c>, <c>*</c>, a LAN address, another host name) is reachable from the network.
    /// </summary>
    public static bool IsLoopbackUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var host = uri.Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && EdgeAccessHandler.IsLoopback(address));
    }

    /// <summary>The safe default (no keys only on loopback, unless explicitly opted out), TLS, rate and connection limits.</summary>
    private void AddSecurityProblems(List<string> problems)
    {
        var exposed = Urls.Where(u => !IsLoopbackUrl(u)).ToList();
        if (ApiKeys.Count == 0 && !AllowAnonymous && exposed.Count > 0)
        {
            problems.Add($"URL '{exposed[0]}' is reachable from the network but no API key is configured: give keys "
                + $"(serve --api-keys FILE with lines 'name role secret', role admin or device, or {ApiKeyList.EnvironmentVariable}="
                + "'name role secret;...'), or opt out explicitly with --allow-anonymous (AllowAnonymous) to serve without keys");
        }

        problems.AddRange(ApiKeyList.Duplicates(ApiKeys));
        var https = Urls.Any(u => u.StartsWith("https:", StringComparison.OrdinalIgnoreCase));
        if (https && Tls is null)
        {
            problems.Add("an https URL needs a TLS certificate (--tls-cert FILE)");
        }
        else if (!https && Tls is not null)
        {
            problems.Add("a TLS certificate is given but no URL is https");
        }

        Tls?.AddProblems(problems);
        RateLimit.AddProblems(problems);
        Connections.AddProblems(problems);
    }

    private static void Range(List<string> problems, string what, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            problems.Add($"{what} {value} is outside [{min}, {max}]");
        }
    }
}
