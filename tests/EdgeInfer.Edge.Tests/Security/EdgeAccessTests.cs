using System.Net;
using EdgeInfer.Edge.Hosting;
using EdgeInfer.Edge.Security;

namespace EdgeInfer.Edge.Tests.Security;

public sealed class EdgeAccessTests
{
    private static readonly ApiKey Admin = ApiKey.Create("ops", ApiKeyRole.Admin, "admin-secret-0123456789");
    private static readonly string[] Get = ["GET"];
    private static readonly string[] Post = ["POST"];
    private static readonly string[] Delete = ["DELETE"];

    [Theory]
    [InlineData("/healthz", "GET", EdgeAccess.Open)]
    [InlineData("/readyz", "GET", EdgeAccess.Open)]
    [InlineData("/openapi/{documentName}.json", "GET", EdgeAccess.Open)]
    [InlineData("/metrics", "GET", EdgeAccess.Metrics)]
    [InlineData("/v1/models", "GET", EdgeAccess.Client)]
    [InlineData("/v1/status", "GET", EdgeAccess.Client)]
    [InlineData("/v1/models/{name}/infer", "POST", EdgeAccess.Client)]
    [InlineData("/v1/models/{name}/download", "GET", EdgeAccess.Client)]
    [InlineData("/v1/models/{name}/cache", "DELETE", EdgeAccess.Admin)]
    [InlineData("/v1/admin/anything", "POST", EdgeAccess.Admin)]
    public void AccessOf_Route_IsItsLevel(string pattern, string method, EdgeAccess expected) =>
        Assert.Equal(expected, EdgeAuthorization.AccessOf(pattern, [method]));

    [Fact]
    public void Allowed_WithoutKeys_AdminAndMetricsOnlyFromLoopback()
    {
        var handler = new EdgeAccessHandler(new EdgeServerOptions());
        var lan = IPAddress.Parse("192.168.1.20");

        Assert.True(handler.Allowed(EdgeAccess.Admin, false, false, IPAddress.Loopback));
        Assert.True(handler.Allowed(EdgeAccess.Admin, false, false, IPAddress.Parse("::ffff:127.0.0.1")));
        Assert.True(handler.Allowed(EdgeAccess.Metrics, false, false, IPAddress.IPv6Loopback));
        Assert.False(handler.Allowed(EdgeAccess.Admin, false, false, lan));
        Assert.False(handler.Allowed(EdgeAccess.Metrics, false, false, lan));
        Assert.True(handler.Allowed(EdgeAccess.Client, false, false, lan));
    }

    [Fact]
    public void Allowed_WithKeys_LoopbackIsNoLongerEnough()
    {
        var handler = new EdgeAccessHandler(new EdgeServerOptions { ApiKeys = [Admin] });
        var anonymous = new EdgeAccessHandler(new EdgeServerOptions { ApiKeys = [Admin], AllowAnonymous = true });

        Assert.False(handler.Allowed(EdgeAccess.Admin, false, false, IPAddress.Loopback));
        Assert.False(handler.Allowed(EdgeAccess.Admin, true, false, IPAddress.Loopback));
        Assert.True(handler.Allowed(EdgeAccess.Admin, true, true, IPAddress.Loopback));
        Assert.False(handler.Allowed(EdgeAccess.Client, false, false, IPAddress.Loopback));
        Assert.True(handler.Allowed(EdgeAccess.Client, true, false, IPAddress.Loopback));
        Assert.True(anonymous.Allowed(EdgeAccess.Client, false, false, IPAddress.Loopback));
        Assert.False(anonymous.Allowed(EdgeAccess.Admin, false, false, IPAddress.Loopback));
        Assert.False(anonymous.Allowed(EdgeAccess.Metrics, false, false, IPAddress.Loopback));
        Assert.True(handler.Allowed(EdgeAccess.Open, false, false, null));
    }

    [Fact]
    public void AccessOf_MethodsMatter()
    {
        Assert.Equal(EdgeAccess.Client, EdgeAuthorization.AccessOf("/v1/models/{name}/cache", Get));
        Assert.Equal(EdgeAccess.Admin, EdgeAuthorization.AccessOf("/v1/models/{name}/cache", Delete));
        Assert.Equal(EdgeAccess.Client, EdgeAuthorization.AccessOf("v1/models/{name}/infer", Post));
    }
}
