using System.Net;
using EdgeInfer.Device.Shaping;

namespace EdgeInfer.Device.Http;

/// <summary>One finished exchange with the edge: status, wall time, time to the response headers, and the transfer record.</summary>
/// <param name="Status">Final HTTP status (after retries).</param>
/// <param name="WallSeconds">Send to last body byte, retries included.</param>
/// <param name="HeadersSeconds">Send to response headers (last attempt included).</param>
/// <param name="Transfer">Bytes and shaped transfer times.</param>
/// <param name="ServerSeconds">Server-side time from <c>Server-Timing</c> (sum of its durations), 0 when absent.</param>
public sealed record EdgeCall(HttpStatusCode Status, double WallSeconds, double HeadersSeconds, TransferRecord Transfer, double ServerSeconds)
{
    /// <summary>True for 2xx and 304.</summary>
    public bool Succeeded => ((int)Status is >= 200 and < 300) || Status == HttpStatusCode.NotModified;
}
