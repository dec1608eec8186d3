using System.Net.Http.Json;
using System.Text.Json;
using EdgeInfer.Edge.Api;
using EdgeInfer.Edge.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeInfer.Edge.Tests.Security;

public sealed class OpenApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Document_DescribesExactlyTheEndpointsThatExist_EachWithItsProblemResponses()
    {
        var document = await fixture.Server.Client.GetFromJsonAsync<JsonElement>(EdgeOpenApi.DocumentPath, TestContext.Current.CancellationToken);

        var described = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var method = operation.Name.ToUpperInvariant();
                described.Add(method + " " + path.Name);
                var access = EdgeAuthorization.AccessOf(path.Name, [method]);
                var responses = operation.Value.GetProperty("responses");
                foreach (var status in EdgeOpenApi.ProblemStatuses(access))
                {
                    Assert.True(
                        responses.TryGetProperty(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response),
                        $"{method} {path.Name} does not declare {status}");
                    Assert.True(response.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{method} {path.Name} {status}");
                }

                Assert.Equal(access != EdgeAccess.Open, operation.Value.TryGetProperty("security", out _));
            }
        }

        Assert.Equal(Existing(), described);
        Assert.Contains("DELETE /v1/models/{name}/cache", described);
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty(EdgeOpenApi.SecuritySchemeName, out _));
    }

    [Fact]
    public async Task Document_IsBuiltOnceAndServedFromTheOutputCache()
    {
        var ct = TestContext.Current.CancellationToken;
        using var first = await fixture.Server.Client.GetAsync(new Uri(EdgeOpenApi.DocumentPath, UriKind.Relative), ct);
        using var keyed = new HttpRequestMessage(HttpMethod.Get, EdgeOpenApi.DocumentPath);
        keyed.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "any-key-0123456789abcdef");
        using var second = await fixture.Server.Client.SendAsync(keyed, ct);

        Assert.Equal(System.Net.HttpStatusCode.OK, second.StatusCode);
        Assert.NotNull(second.Headers.Age); // served from the cache, even with an Authorization header
        Assert.Equal(await first.Content.ReadAsStringAsync(ct), await second.Content.ReadAsStringAsync(ct));
    }

    /// <summary>Every route endpoint the server has (method and pattern), the document's own endpoint left out.</summary>
    private SortedSet<string> Existing()
    {
        var sources = fixture.Server.App.Services.GetRequiredService<EndpointDataSource>();
        var existing = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in sources.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (pattern.StartsWith("/openapi/", StringComparison.Ordinal))
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get];
            foreach (var method in methods.Where(m => m != HttpMethods.Head))
            {
                existing.Add(method + " " + pattern);
            }
        }

        return existing;
    }
}
