using System.Net;
using System.Security.Authentication;
using EdgeInfer.Core;
using EdgeInfer.Edge.Hosting;
using EdgeInfer.Edge.Security;

namespace EdgeInfer.Edge.Tests.Security;

public sealed class TlsTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Https_WithPemOrPfx_ServesOverTls(bool pfx)
    {
        var ct = TestContext.Current.CancellationToken;
        using var certificate = new SelfSignedCertificate();
        var tls = pfx
            ? new TlsCertificate { CertificatePath = certificate.PfxPath, Password = SelfSignedCertificate.Password }
            : new TlsCertificate { CertificatePath = certificate.CertificatePath, KeyPath = certificate.KeyPath };
        await using var server = await TestServer.StartAsync(o => o with { Urls = ["https://127.0.0.1:0"], Tls = tls });
        Assert.Equal("https", server.BaseAddress.Scheme);
        using var trusting = certificate.TrustingClient(server.BaseAddress);

        using var response = await trusting.GetAsync(new Uri("/v1/models", UriKind.Relative), ct);
        using var inference = await trusting.PostAsync(new Uri("/v1/models/mobilenet/infer", UriKind.Relative), TestServer.Tensor(), ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, inference.StatusCode);

        // A client that trusts only the system store refuses the self-signed certificate.
        using var strict = new HttpClient { BaseAddress = server.BaseAddress };
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => strict.GetAsync(new Uri("/healthz", UriKind.Relative), ct));
        Assert.IsType<AuthenticationException>(refused.InnerException);
    }

    [Fact]
    public void Load_NotACertificate_NamesTheFile()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");

            var error = Assert.Throws<EdgeInferInputException>(() => new TlsCertificate { CertificatePath = file }.Load());

            Assert.Contains(file, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Validated_CertificateWithoutHttpsOrMissingFile_IsRefused()
    {
        var tls = new TlsCertificate { CertificatePath = "/nonexistent/edge.crt", Password = "secret-password" };

        var error = Assert.Throws<EdgeInferInputException>(() => new EdgeServerOptions { Tls = tls }.Validated());

        Assert.Contains("no URL is https", error.Message, StringComparison.Ordinal);
        Assert.Contains("'/nonexistent/edge.crt' does not exist", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-password", tls.ToString(), StringComparison.Ordinal);
    }
}
