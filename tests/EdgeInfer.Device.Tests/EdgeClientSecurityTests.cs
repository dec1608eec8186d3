using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EdgeInfer.Core;
using EdgeInfer.Device.Http;
using EdgeInfer.Edge.Security;
using EdgeInfer.Edge.Tests;

namespace EdgeInfer.Device.Tests;

/// <summary>The device's side of the edge's security: its key, and an https edge with a certificate it is told to trust.</summary>
public sealed class EdgeClientSecurityTests
{
    private const string DeviceSecret = "device-secret-0123456789abcdef";

    [Fact]
    public async Task Client_WithItsKey_IsServed_WithoutIt_GetsTheEdgesReason()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await TestServer.StartAsync(o => o with { ApiKeys = [ApiKey.Create("phone", ApiKeyRole.Device, DeviceSecret)] });
        using var keyed = new EdgeClient(new EdgeClientOptions { Edge = server.BaseAddress, ApiKey = DeviceSecret });
        using var anonymous = new EdgeClient(new EdgeClientOptions { Edge = server.BaseAddress, ApiKey = "", MaxRetries = 0 });

        var status = await keyed.StatusAsync(ct);
        var refused = await Assert.ThrowsAsync<EdgeInferInputException>(() => anonymous.StatusAsync(ct));

        Assert.True(status.MaxConcurrency > 0);
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
        Assert.Contains("needs an API key", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(DeviceSecret, new EdgeClientOptions { Edge = server.BaseAddress, ApiKey = DeviceSecret }.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_TrustingTheEdgesCertificate_TalksHttps()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("edgeinfer-device-tls-").FullName;
        try
        {
            var (certificate, key) = (Path.Combine(folder, "edge.crt"), Path.Combine(folder, "edge.key"));
            WriteSelfSigned(certificate, key);
            await using var server = await TestServer.StartAsync(o => o with
            {
                Urls = ["https://127.0.0.1:0"],
                Tls = new TlsCertificate { CertificatePath = certificate, KeyPath = key },
            });
            using var trusting = new EdgeClient(new EdgeClientOptions { Edge = server.BaseAddress, TrustedCertificatePath = certificate });
            using var strict = new EdgeClient(new EdgeClientOptions { Edge = server.BaseAddress, MaxRetries = 0 });

            var status = await trusting.StatusAsync(ct);
            await Assert.ThrowsAsync<HttpRequestException>(() => strict.StatusAsync(ct));

            Assert.True(status.MaxConcurrency > 0);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void WriteSelfSigned(string certificatePath, string keyPath)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=edgeinfer-device-test", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
    }
}
