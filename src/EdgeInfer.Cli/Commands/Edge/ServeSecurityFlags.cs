using System.CommandLine;
using EdgeInfer.Edge.Security;

namespace EdgeInfer.Cli.Commands.Edge;

/// <summary>
/// The flags of <c>serve</c> that say who may use the edge: API keys (a file and <see cref="ApiKeyList.EnvironmentVariable"/>),
/// anonymous access, the per-client rate limit, and TLS.
/// </summary>
internal sealed class ServeSecurityFlags
{
    /// <summary>The environment variable read for the TLS password when <c>--tls-password</c> is not given (keeps it out of <c>ps</c>).</summary>
    public const string TlsPasswordVariable = "EDGEINFER_TLS_PASSWORD";

    private readonly Option<string?> apiKeys = new("--api-keys")
    {
        Description = "File of API keys, one a line: 'name role secret' (role admin or device, '#' comments); "
            + $"also read: {ApiKeyList.EnvironmentVariable} ('name role secret;...').",
    };

    private readonly Option<bool> allowAnonymous = new("--allow-anonymous")
    {
        Description = "Serve inference, downloads, catalog and status without a key (needed to listen beyond loopback without keys); "
            + "admin endpoints still need an admin key.",
    };

    private readonly Option<int> rateLimit = new("--rate-limit")
    {
        Description = "Requests per second each client (key, else address) may sustain; beyond it 429 with Retry-After; 0: no limit.",
        DefaultValueFactory = _ => new ClientRateLimit().RequestsPerSecond,
    };

    private readonly Option<int> rateBurst = new("--rate-limit-burst")
    {
        Description = "Requests a client may make at once above the sustained rate.",
        DefaultValueFactory = _ => new ClientRateLimit().Burst,
    };

    private readonly Option<string?> tlsCert = new("--tls-cert")
    {
        Description = "TLS certificate for https URLs: PEM (key in --tls-key or in the same file) or PKCS#12 (.pfx/.p12).",
    };

    private readonly Option<string?> tlsKey = new("--tls-key") { Description = "PEM private key of --tls-cert." };

    private readonly Option<string?> tlsPassword = new("--tls-password")
    {
        Description = $"Password of an encrypted PEM key or of a PKCS#12 file (default: {TlsPasswordVariable}).",
    };

    /// <summary>Adds the flags to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { apiKeys, allowAnonymous, rateLimit, rateBurst, tlsCert, tlsKey, tlsPassword })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The keys of <c>--api-keys</c> and of the environment.</summary>
    public IReadOnlyList<ApiKey> Keys(ParseResult parse) =>
        ApiKeyList.Load(parse.GetValue(apiKeys), Environment.GetEnvironmentVariable(ApiKeyList.EnvironmentVariable));

    /// <summary>Whether <c>--allow-anonymous</c> is given.</summary>
    public bool AllowAnonymous(ParseResult parse) => parse.GetValue(allowAnonymous);

    /// <summary>The rate limit the flags set.</summary>
    public ClientRateLimit RateLimit(ParseResult parse) => new()
    {
        RequestsPerSecond = parse.GetValue(rateLimit),
        Burst = parse.GetValue(rateBurst),
    };

    /// <summary>The certificate the flags name; null without <c>--tls-cert</c>.</summary>
    public TlsCertificate? Tls(ParseResult parse) => parse.GetValue(tlsCert) is { } cert
        ? new TlsCertificate
        {
            CertificatePath = cert,
            KeyPath = parse.GetValue(tlsKey),
            Password = parse.GetValue(tlsPassword) ?? Environment.GetEnvironmentVariable(TlsPasswordVariable),
        }
        : null;
}
