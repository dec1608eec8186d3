using System.Diagnostics;
using System.Text.Json;
using EdgeInfer.Edge.Security;

namespace EdgeInfer.Edge.Tests.Security;

/// <summary>Kestrel's defences against clients that hold connections: idle sockets time out, the cap keeps admitted clients served.</summary>
public sealed class ConnectionLimitTests
{
    private const string Get = "GET /healthz HTTP/1.1\r\nHost: edge\r\n\r\n";

    [Fact]
    public async Task IdleConnection_WithoutRequestBytes_IsClosedWithinTheTimeout()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await TestServer.StartAsync(o => o with
        {
            Connections = new ConnectionLimits { KeepAliveTimeout = new(2), RequestHeadersTimeout = new(2) },
        });
        using var idle = await RawHttp.ConnectAsync(server.BaseAddress, ct);
        var start = Stopwatch.GetTimestamp();

        // 2 s timeout + Kestrel's 1 s heartbeat, with room for a loaded machine; Kestrel's own default would keep it 130 s.
        Assert.True(await idle.ClosedWithinAsync(TimeSpan.FromSeconds(15), ct), "idle connection still open after 15 s");
        Assert.True(Stopwatch.GetElapsedTime(start) >= TimeSpan.FromSeconds(1.5));
    }

    [Fact]
    public async Task StalledHeaders_AreCutAfterTheHeadersTimeout()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await TestServer.StartAsync(o => o with
        {
            Connections = new ConnectionLimits { KeepAliveTimeout = new(30), RequestHeadersTimeout = new(2) },
        });
        using var slow = await RawHttp.ConnectAsync(server.BaseAddress, ct);
        await slow.SendAsync("GET /healthz HTTP/1.1\r\nHost: ed", ct);

        Assert.True(await slow.ClosedWithinAsync(TimeSpan.FromSeconds(15), ct), "a request whose headers never end is still open after 15 s");
    }

    [Fact]
    public async Task ConnectionCap_ManyIdleSockets_AdmittedClientStillServed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await TestServer.StartAsync(o => o with { Connections = new ConnectionLimits { MaxConnections = 50 } });
        using var admitted = await RawHttp.ConnectAsync(server.BaseAddress, ct);
        await admitted.SendAsync(Get, ct);
        Assert.StartsWith("HTTP/1.1 200", (await admitted.ReadResponseAsync(ct)).Head, StringComparison.Ordinal);

        var idle = new List<RawHttp>();
        try
        {
            for (var i = 0; i < 200; i++)
            {
                idle.Add(await RawHttp.ConnectAsync(server.BaseAddress, ct));
            }

            // The connections over the cap are accepted and closed at once: the cap holds.
            var closed = await Task.WhenAll(idle.Select(c => c.ClosedWithinAsync(TimeSpan.FromSeconds(3), ct)));
            Assert.InRange(closed.Count(c => c), 150, 200);

            // The client admitted before keeps its keep-alive connection and is served on it.
            await admitted.SendAsync("GET /v1/status HTTP/1.1\r\nHost: edge\r\n\r\n", ct);
            var (head, body) = await admitted.ReadResponseAsync(ct);
            Assert.StartsWith("HTTP/1.1 200", head, StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(body).RootElement.ValueKind);
        }
        finally
        {
            idle.ForEach(c => c.Dispose());
        }

        // The process is up and, once the idle sockets are gone, takes new clients again.
        using var health = await server.Client.GetAsync(new Uri("/healthz", UriKind.Relative), ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task StalledBody_Is408ProblemTitledByItsStatus()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await TestServer.StartAsync(o => o with
        {
            Connections = new ConnectionLimits { MinRequestBodyBytesPerSecond = 10_000, MinDataRateGracePeriod = new(2) },
        });
        using var slow = await RawHttp.ConnectAsync(server.BaseAddress, ct);
        await slow.SendAsync(
            "POST /v1/models/mobilenet/infer HTTP/1.1\r\nHost: edge\r\nContent-Type: application/octet-stream\r\n"
            + "X-Tensor-Shape: 1,3,224,224\r\nContent-Length: 602112\r\n\r\n" + new string('\0', 100), ct);

        var (head, body) = await slow.ReadResponseAsync(ct);

        Assert.StartsWith("HTTP/1.1 408", head, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", head, StringComparison.OrdinalIgnoreCase);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("Request Timeout", problem.GetProperty("title").GetString());
        Assert.Equal(408, problem.GetProperty("status").GetInt32());
    }
}
