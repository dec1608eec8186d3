using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EdgeInfer.Edge.Tests.Security;

/// <summary>A self-signed server certificate for 127.0.0.1 and localhost, made in the test and written as PEM (and PKCS#12) files.</summary>
public sealed class SelfSignedCertificate : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("edgeinfer-tls-").FullName;

    public SelfSignedCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=edgeinfer-test", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        Certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(CertificatePath, Certificate.ExportCertificatePem());
        File.WriteAllText(KeyPath, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllBytes(PfxPath, Certificate.Export(X509ContentType.Pkcs12, Password));
    }

    public const string Password = "pfx-password";

    public X509Certificate2 Certificate { get; }

    public string CertificatePath => Path.Combine(folder, "edge.crt");

    public string KeyPath => Path.Combine(folder, "edge.key");

    public string PfxPath => Path.Combine(folder, "edge.pfx");

    /// <summary>A client that trusts exactly this certificate (not the system store).</summary>
    public HttpClient TrustingClient(Uri baseAddress)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
            presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(Certificate.RawData);
        return new HttpClient(handler) { BaseAddress = baseAddress };
    }

    public void Dispose()
    {
        Certificate.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
