using System.Net;
using EdgeInfer.Edge.Security;

namespace EdgeInfer.Edge.Tests.Security;

public sealed class RateLimitTests
{
    [Fact]
    public async Task OverBurst_Is429ProblemWithRetryAfter_CountedAndPerClient()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await TestServer.StartAsync(o => o with
        {
            ApiKeys = AuthenticationTests.Keys(),
            RateLimit = new ClientRateLimit { RequestsPerSecond = 1, Burst = 3 },
        });
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 5 && limited is null; i++)
        {
            using var request = AuthenticationTests.Request(HttpMethod.Get, "/v1/status", AuthenticationTests.DeviceSecret);
            var response = await server.Client.SendAsync(request, ct);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(limited);
        using (limited)
        {
            Assert.True(statuses.Count(s => s == HttpStatusCode.OK) >= 3, string.Join(",", statuses));
            Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
            var problem = await AuthenticationTests.Problem(limited);
            Assert.Equal(429, problem.GetProperty("status").GetInt32());
            Assert.Contains("key:phone", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        // Another client (the admin key) has its own bucket, and health probes are never limited.
        using var admin = AuthenticationTests.Request(HttpMethod.Get, "/metrics", AuthenticationTests.AdminSecret);
        using var metrics = await server.Client.SendAsync(admin, ct);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        var text = await metrics.Content.ReadAsStringAsync(ct);
        Assert.Contains("edgeinfer_rejections", text, StringComparison.Ordinal);
        Assert.Contains("status=\"429\"", text, StringComparison.Ordinal);
        for (var i = 0; i < 5; i++)
        {
            using var health = await server.Client.GetAsync(new Uri("/healthz", UriKind.Relative), ct);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
    }

    [Fact]
    public async Task DefaultLimit_DoesNotTouchAFastSingleClient()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await TestServer.StartAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 400).Select(async _ =>
        {
            using var response = await server.Client.GetAsync(new Uri("/v1/models", UriKind.Relative), ct);
            return response.StatusCode;
        }));

        Assert.All(responses, s => Assert.Equal(HttpStatusCode.OK, s));
    }
}
