using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EdgeInfer.Edge.Security;

namespace EdgeInfer.Edge.Tests.Security;

/// <summary>A real server with an admin and a device key: who gets in where, and what a refusal says.</summary>
public sealed class AuthenticationTests(AuthenticationTests.KeyedServer fixture) : IClassFixture<AuthenticationTests.KeyedServer>
{
    public const string AdminSecret = "admin-secret-0123456789abcdef";
    public const string DeviceSecret = "device-secret-0123456789abcdef";

    private TestServer Server => fixture.Server;

    [Fact]
    public async Task Catalog_WithoutKey_Is401ProblemWithChallenge()
    {
        using var response = await Server.Client.GetAsync(new Uri("/v1/models", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        var problem = await Problem(response);
        Assert.Equal("Unauthorized", problem.GetProperty("title").GetString());
        Assert.Contains("needs an API key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Catalog_WithDeviceKeyInEitherHeader_IsServed()
    {
        var ct = TestContext.Current.CancellationToken;
        using var bearer = Request(HttpMethod.Get, "/v1/models", DeviceSecret);
        using var header = new HttpRequestMessage(HttpMethod.Get, "/v1/models");
        header.Headers.Add(ApiKeyAuthenticationHandler.HeaderName, DeviceSecret);

        using var first = await Server.Client.SendAsync(bearer, ct);
        using var second = await Server.Client.SendAsync(header, ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task Inference_WithWrongKey_Is401InvalidKey()
    {
        using var request = Request(HttpMethod.Post, "/v1/models/mobilenet/infer", "not-the-right-key-0123456789");
        request.Content = TestServer.Tensor();

        using var response = await Server.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(ApiKeyAuthenticationHandler.InvalidKeyMessage, (await Problem(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Inference_WithDeviceKey_Answers()
    {
        using var request = Request(HttpMethod.Post, "/v1/models/mobilenet/infer", DeviceSecret);
        request.Content = TestServer.Tensor();

        using var response = await Server.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task DeleteCache_NeedsTheAdminRole()
    {
        var ct = TestContext.Current.CancellationToken;
        using var none = Request(HttpMethod.Delete, "/v1/models/mobilenet/cache?pf=0.5", null);
        using var device = Request(HttpMethod.Delete, "/v1/models/mobilenet/cache?pf=0.5", DeviceSecret);
        using var admin = Request(HttpMethod.Delete, "/v1/models/mobilenet/cache?pf=0.5", AdminSecret);

        using var anonymous = await Server.Client.SendAsync(none, ct);
        using var forbidden = await Server.Client.SendAsync(device, ct);
        using var allowed = await Server.Client.SendAsync(admin, ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("admin role", (await Problem(forbidden)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    [InlineData("/openapi/v1.json")]
    public async Task OpenEndpoints_NeedNoKey(string path)
    {
        using var response = await Server.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_NeedAKey()
    {
        var ct = TestContext.Current.CancellationToken;
        using var device = Request(HttpMethod.Get, "/metrics", DeviceSecret);

        using var anonymous = await Server.Client.GetAsync(new Uri("/metrics", UriKind.Relative), ct);
        using var allowed = await Server.Client.SendAsync(device, ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task UnknownPath_WithoutKey_IsRefusedBeforeRouting()
    {
        using var response = await Server.Client.GetAsync(new Uri("/v2/anything", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AllowAnonymous_OpensInferenceButNotAdministration()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await TestServer.StartAsync(o => o with { ApiKeys = Keys(), AllowAnonymous = true });

        using var inference = await server.Client.PostAsync(new Uri("/v1/models/mobilenet/infer", UriKind.Relative), TestServer.Tensor(), ct);
        using var delete = await server.Client.DeleteAsync(new Uri("/v1/models/mobilenet/cache?pf=0.5", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.OK, inference.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, delete.StatusCode);
    }

    public static IReadOnlyList<ApiKey> Keys() =>
        [ApiKey.Create("ops", ApiKeyRole.Admin, AdminSecret), ApiKey.Create("phone", ApiKeyRole.Device, DeviceSecret)];

    public static HttpRequestMessage Request(HttpMethod method, string path, string? key)
    {
        var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return request;
    }

    public static async Task<JsonElement> Problem(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>One server with <see cref="Keys"/> for the class.</summary>
    public sealed class KeyedServer : IAsyncLifetime
    {
        public TestServer Server { get; private set; } = null!;

        public async ValueTask InitializeAsync() => Server = await TestServer.StartAsync(o => o with { ApiKeys = Keys() });

        public async ValueTask DisposeAsync() => await Server.DisposeAsync();
    }
}
