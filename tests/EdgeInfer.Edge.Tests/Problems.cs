using System.Net.Http.Json;
using System.Text.Json;

namespace EdgeInfer.Edge.Tests;

/// <summary>Reads an RFC 7807 ProblemDetails response.</summary>
internal static class Problems
{
    public static async Task<(string Title, string Detail)> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return (body.GetProperty("title").GetString()!, body.GetProperty("detail").GetString()!);
    }

    public static int RetryAfterSeconds(HttpResponseMessage response) =>
        (int)(response.Headers.RetryAfter?.Delta?.TotalSeconds ?? throw new Xunit.Sdk.XunitException("no Retry-After"));
}
