using System.Net.Http.Headers;

namespace EdgeInfer.Device.Http;

/// <summary>Signs a plain <see cref="HttpClient"/> to the edge with an API key, as <see cref="EdgeClient"/> does its own.</summary>
public static class EdgeApiKey
{
    /// <summary>
    /// Sends <paramref name="key"/> (null: <see cref="EdgeClientOptions.ApiKeyVariable"/>'s value) as <c>Authorization: Bearer</c>
    /// on every request of <paramref name="http"/>; nothing when there is no key.
    /// </summary>
    public static void Apply(HttpClient http, string? key = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        key ??= Environment.GetEnvironmentVariable(EdgeClientOptions.ApiKeyVariable);
        if (!string.IsNullOrWhiteSpace(key))
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Trim());
        }
    }
}
