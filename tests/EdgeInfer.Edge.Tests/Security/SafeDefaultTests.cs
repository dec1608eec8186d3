using EdgeInfer.Core;
using EdgeInfer.Edge.Hosting;
using EdgeInfer.Edge.Security;

namespace EdgeInfer.Edge.Tests.Security;

public sealed class SafeDefaultTests
{
    private static readonly ApiKey Device = ApiKey.Create("phone", ApiKeyRole.Device, "device-secret-0123456789");

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://127.1.2.3:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://192.168.1.20:5080", false)]
    [InlineData("http://edge.example:5080", false)]
    public void IsLoopbackUrl_KnowsWhatTheNetworkReaches(string url, bool loopback) =>
        Assert.Equal(loopback, EdgeServerOptions.IsLoopbackUrl(url));

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://[::]:5080")]
    [InlineData("http://192.168.1.20:5080")]
    [InlineData("http://edge.example:5080")]
    public void Validated_NetworkUrlWithoutKeys_RefusesAndSaysHowToFixIt(string url)
    {
        var error = Assert.Throws<EdgeInferInputException>(() => new EdgeServerOptions { Urls = [url] }.Validated());

        Assert.Contains(url, error.Message, StringComparison.Ordinal);
        Assert.Contains("--api-keys FILE", error.Message, StringComparison.Ordinal);
        Assert.Contains(ApiKeyList.EnvironmentVariable, error.Message, StringComparison.Ordinal);
        Assert.Contains("--allow-anonymous", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validated_NetworkUrlWithKeysOrExplicitOptOut_IsAccepted()
    {
        _ = new EdgeServerOptions { Urls = ["http://0.0.0.0:5080"], ApiKeys = [Device] }.Validated();
        _ = new EdgeServerOptions { Urls = ["http://0.0.0.0:5080"], AllowAnonymous = true }.Validated();
        _ = new EdgeServerOptions { Urls = ["http://127.0.0.1:5080"] }.Validated();
    }

    [Fact]
    public void Validated_BadLimitsAndTls_NamesEveryProblem()
    {
        var options = new EdgeServerOptions
        {
            Urls = ["https://127.0.0.1:5443"],
            RateLimit = new ClientRateLimit { RequestsPerSecond = -1, Burst = 0 },
            Connections = new ConnectionLimits
            {
                MaxConnections = 0,
                KeepAliveTimeout = new(0),
                MinDataRateGracePeriod = new(1),
                MinRequestBodyBytesPerSecond = double.NaN,
            },
        };

        var error = Assert.Throws<EdgeInferInputException>(() => options.Validated());

        foreach (var expected in new[]
        {
            "an https URL needs a TLS certificate", "rate limit -1", "rate-limit burst 0", "max connections 0", "keep-alive timeout 0 s",
            "grace period 1 s", "min request body rate NaN",
        })
        {
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EffectiveMaxConnections_StaysBelowTheOpenFileLimit()
    {
        Assert.Equal(12_000 - 3_000, ConnectionLimits.Derived(12_000));
        Assert.Equal(ConnectionLimits.DefaultMaxConnectionsCap, ConnectionLimits.Derived(20_000));
        Assert.Equal(64, ConnectionLimits.Derived(1024));
        Assert.Equal(ConnectionLimits.DefaultMaxConnectionsCap, ConnectionLimits.Derived(null));
        if (OpenFileLimit.Soft() is { } soft)
        {
            Assert.True(new ConnectionLimits().EffectiveMaxConnections < soft);
        }

        string[] limits = ["Limit  Soft Limit  Hard Limit  Units", "Max open files            4096                 524288               files"];
        Assert.Equal(4096, OpenFileLimit.Parse(limits));
    }
}
