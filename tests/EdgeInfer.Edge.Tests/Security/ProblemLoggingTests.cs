using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EdgeInfer.Edge.Hosting;
using EdgeInfer.Edge.Security;
using EdgeInfer.Edge.Variants;
using EdgeInfer.Pruning.Variants;
using Microsoft.Extensions.Logging;

namespace EdgeInfer.Edge.Tests.Security;

[Collection(ConsoleCapture.Alone.Name)]
public sealed class ProblemLoggingTests
{
    [Fact]
    public async Task ServerError_IsLoggedWithTheTraceIdItsProblemCarries()
    {
        var ct = TestContext.Current.CancellationToken;
        using var console = new ConsoleCapture();
        JsonElement problem;
        await using (var server = await TestServer.StartAsync(pruner: new FailingPruner()))
        {
            using var response = await server.Client.GetAsync(new Uri("/v1/models/mobilenet/download?pf=0.5", UriKind.Relative), ct);
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        }

        var traceId = problem.GetProperty("traceId").GetString();
        Assert.False(string.IsNullOrEmpty(traceId));
        Assert.DoesNotContain(nameof(FailingPruner), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var log = console.Text;
        Assert.Contains("fail: ", log, StringComparison.Ordinal);
        Assert.Contains($"(trace id {traceId})", log, StringComparison.Ordinal);
        Assert.Contains(FailingPruner.Message, log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PresentedKeys_NeverReachTheLog()
    {
        var ct = TestContext.Current.CancellationToken;
        const string Wrong = "wrong-key-that-must-not-be-logged-7f3a9";
        using var console = new ConsoleCapture();
        var repository = Directory.CreateTempSubdirectory("edgeinfer-keys-log-").FullName;
        try
        {
            // Logs at Trace, the most the server can say; an empty repository is enough for the authentication step.
            var options = new EdgeServerOptions
            {
                Urls = ["http://127.0.0.1:0"],
                Repository = repository,
                Warmup = false,
                ApiKeys = AuthenticationTests.Keys(),
            };
            await using var app = EdgeServer.Build(options, minimumLogLevel: LogLevel.Trace);
            await app.StartAsync(ct);
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            foreach (var key in new[] { Wrong, AuthenticationTests.DeviceSecret, AuthenticationTests.AdminSecret })
            {
                using var bearer = AuthenticationTests.Request(HttpMethod.Get, "/v1/status", key);
                using var header = new HttpRequestMessage(HttpMethod.Delete, "/v1/models/mobilenet/cache");
                header.Headers.Add(ApiKeyAuthenticationHandler.HeaderName, key);
                (await client.SendAsync(bearer, ct)).Dispose();
                (await client.SendAsync(header, ct)).Dispose();
            }

            await app.StopAsync(ct);
        }
        finally
        {
            Directory.Delete(repository, recursive: true);
        }

        var log = console.Text;
        Assert.Contains(ApiKeyAuthenticationHandler.InvalidKeyMessage, log, StringComparison.Ordinal);
        Assert.DoesNotContain(Wrong, log, StringComparison.Ordinal);
        Assert.DoesNotContain(AuthenticationTests.DeviceSecret, log, StringComparison.Ordinal);
        Assert.DoesNotContain(AuthenticationTests.AdminSecret, log, StringComparison.Ordinal);
    }

    /// <summary>A pruner that always fails, as a bug below an endpoint would.</summary>
    private sealed class FailingPruner : IModelPruner
    {
        public const string Message = "pruner failed on purpose";

        public void Prune(string input, string output, ModelVariant variant, string? wireOutput = null) => throw new InvalidOperationException(Message);

        public void EncodeWire(string input, string output) => throw new InvalidOperationException(Message);

        public void EncodeSparseOnnx(string input, string output) => throw new InvalidOperationException(Message);
    }
}
