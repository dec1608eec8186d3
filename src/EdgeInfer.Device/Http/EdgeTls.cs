using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace EdgeInfer.Device.Http;

/// <summary>The device's socket handler, trusting one given certificate as the only root when the edge's is not publicly issued.</summary>
public static class EdgeTls
{
    /// <summary>
    /// A socket handler; with <paramref name="trustedCertificatePath"/> (PEM or DER: the edge's self-signed certificate or
    /// its CA), the edge's chain must end in that certificate and the host name must match, the system store is not used.
    /// </summary>
    public static SocketsHttpHandler Handler(string? trustedCertificatePath)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (trustedCertificatePath is not null)
        {
            var root = X509CertificateLoader.LoadCertificateFromFile(trustedCertificatePath);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => Trusted(root, certificate, errors);
        }

        return handler;
    }

    /// <summary>Whether <paramref name="presented"/> chains to <paramref name="root"/> alone, with no error but the untrusted root.</summary>
    internal static bool Trusted(X509Certificate2 root, X509Certificate? presented, SslPolicyErrors errors)
    {
        if (presented is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false; // no certificate, or the name does not match
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        var leaf = presented as X509Certificate2;
        using var owned = leaf is null ? X509CertificateLoader.LoadCertificate(presented.GetRawCertData()) : null;
        return chain.Build(leaf ?? owned!);
    }
}
