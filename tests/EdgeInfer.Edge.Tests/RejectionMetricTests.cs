using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace EdgeInfer.Edge.Tests;

/// <summary>Issue 14 §2/§5: every admission rejection is counted on /metrics, quickly answered, with a Retry-After.</summary>
public sealed partial class RejectionMetricTests
{
    [Fact]
    public async Task Infer_QueueFull_Each429IsCountedOnMetricsWithItsReason()
    {
        var ct = TestContext.Current.CancellationToken;
        using var pruner = new BlockingPruner();
        await using var server = await TestServer.StartAsync(o => o with { MaxConcurrency = 1, QueueLimit = 0 }, pruner);
        var holder = server.Client.PostAsync("/v1/models/mobilenet/infer?pf=0.3", TestServer.Tensor(), ct);
        await pruner.WaitEnteredAsync();

        for (var i = 0; i < 5; i++)
        {
            using var rejected = await server.Client.PostAsync("/v1/models/mobilenet/infer", TestServer.Tensor(), ct);
            Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
            Assert.True(rejected.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        }

        var metrics = await server.Client.GetStringAsync("/metrics", ct);
        var line = RejectionLine().Match(metrics);
        Assert.True(line.Success, "no edgeinfer_rejections_total series with reason queue_full:\n" + metrics);
        Assert.Contains("status=\"429\"", line.Value, StringComparison.Ordinal);
        Assert.Equal(5, double.Parse(line.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture));

        pruner.Release();
        using var first = await holder;
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
    }

    [Fact]
    public async Task Infer_QueueFull_IsRefusedBeforeTheBodyIsSent()
    {
        var ct = TestContext.Current.CancellationToken;
        using var pruner = new BlockingPruner();
        await using var server = await TestServer.StartAsync(o => o with { MaxConcurrency = 1, QueueLimit = 0 }, pruner);
        var holder = server.Client.PostAsync("/v1/models/mobilenet/infer?pf=0.3", TestServer.Tensor(), ct);
        await pruner.WaitEnteredAsync();

        // Headers only: the 602,112-byte tensor is declared but never sent; the answer must not wait for it.
        using var socket = new TcpClient();
        await socket.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port, ct);
        var stream = socket.GetStream();
        var watch = Stopwatch.StartNew();
        await stream.WriteAsync(
            Encoding.ASCII.GetBytes("POST /v1/models/mobilenet/infer HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\n"
                + "X-Tensor-Shape: 1,3,224,224\r\nContent-Length: 602112\r\n\r\n"),
            ct);
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer, ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), ct);
        var answer = Encoding.ASCII.GetString(buffer, 0, read);
        Assert.StartsWith("HTTP/1.1 429", answer, StringComparison.Ordinal);
        Assert.Contains("Retry-After: ", answer, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");

        pruner.Release();
        using var first = await holder;
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
    }

    [GeneratedRegex("edgeinfer_rejections_total\\{[^}]*reason=\"queue_full\"[^}]*\\} (?<value>[0-9.e+]+)")]
    private static partial Regex RejectionLine();
}
