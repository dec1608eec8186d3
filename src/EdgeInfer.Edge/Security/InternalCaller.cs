using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EdgeInfer.Edge.Security;

/// <summary>
/// The server's own client for the calls it makes to itself (the warm-up's first call of each endpoint): it carries a
/// random secret made at start, known only to this process and accepted with the device role next to the configured keys
/// (it does not count as a configured key, so the loopback rules without keys are unchanged), and over https it trusts
/// exactly the server's own certificate.
/// </summary>
/// <param name="serverCertificate">The server's TLS certificate; null without https.</param>
public sealed class InternalCaller(X509Certificate2? serverCertificate)
{
    /// <summary>The name the internal calls are made under (what rate limits and logs see).</summary>
    public const string Name = "edge-internal";

    private readonly string secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The key (digest only) the authentication scheme accepts.</summary>
    public ApiKey Key => field ??= ApiKey.Create(Name, ApiKeyRole.Device, secret);

    /// <summary>A client for <paramref name="baseAddress"/> that signs its requests with the secret (<c>Authorization: Bearer</c>).</summary>
    public HttpClient CreateClient(Uri baseAddress, TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler();
        if (serverCertificate is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
                presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(serverCertificate.RawData);
        }

        var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = timeout };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return http;
    }

    /// <summary>Never the secret.</summary>
    public override string ToString() => Name;
}
