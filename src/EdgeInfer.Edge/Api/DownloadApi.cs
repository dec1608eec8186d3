using System.Globalization;
using EdgeInfer.Edge.Variants;
using EdgeInfer.Pruning.Variants;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace EdgeInfer.Edge.Api;

/// <summary>
/// <c>GET /v1/models/{name}/download?pf=&amp;macs=&amp;method=&amp;format=onnx|wire|sparse-onnx</c>: the model file, pruned and
/// encoded on demand when needed, with a strong ETag, <c>Content-Length</c>, <c>Range</c> (resumable downloads, honouring
/// <c>If-Range</c>) and <c>If-None-Match</c>. <c>DELETE /v1/models/{name}/cache?pf=&amp;macs=&amp;method=</c> drops a variant's
/// on-demand cache entry (repository variants are never touched), so the next request prunes again; a variant being built or
/// served is waited for up to <see cref="DeleteWait"/>, then the DELETE answers 409 Conflict and removes nothing.
/// </summary>
public static class DownloadApi
{
    /// <summary>Header naming where the variant came from (repository, prepruned, cached, pruned).</summary>
    public const string OriginHeader = "X-EdgeInfer-Origin";

    /// <summary>How long a DELETE of a variant in use (being built or served) waits for it before it answers 409.</summary>
    public static readonly TimeSpan DeleteWait = TimeSpan.FromSeconds(10);

    /// <summary>
    /// RFC 9110 §13.1.4: <c>If-Unmodified-Since</c> fails when the file changed after the date (compared at whole seconds, the
    /// resolution of HTTP dates). It is ignored when <c>If-Match</c> is present (that precondition is checked instead) or
    /// the date does not parse.
    /// </summary>
    internal static bool UnmodifiedSinceFails(HttpRequest request, DateTime lastModifiedUtc)
    {
        var headers = request.GetTypedHeaders();
        if (request.Headers.IfMatch.Count > 0 || headers.IfUnmodifiedSince is not { } since)
        {
            return false;
        }

        var seconds = new DateTimeOffset(lastModifiedUtc.Ticks - (lastModifiedUtc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        return seconds > since;
    }

    /// <summary>Maps the download endpoint.</summary>
    public static IEndpointRouteBuilder MapDownloadApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/models/{name}/download", async (
            string name, string? pf, string? method, string? macs, string? format, HttpContext context, VariantStore store) =>
        {
            var variant = ModelVariant.FromRequest(name, pf, method, macs);
            var modelFormat = ModelFormats.Parse(format);
            var resolved = await store.ResolveAsync(variant, modelFormat, context.RequestAborted);
            context.Response.Headers[OriginHeader] = resolved.Origin.ToString().ToLowerInvariant();
            context.Response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture,
                $"prune;dur={resolved.PruneSeconds * 1e3:0.###}, encode;dur={resolved.EncodeSeconds * 1e3:0.###}");
            var contentType = modelFormat == ModelFormat.Wire ? "application/vnd.edgeinfer.wire" : "application/octet-stream";
            var fileName = modelFormat switch
            {
                ModelFormat.Wire => $"{variant.Model}-{variant.Name}.eiw",
                ModelFormat.SparseOnnx => $"{variant.Model}-{variant.Name}.sparse.onnx",
                _ => $"{variant.Model}-{variant.Name}.onnx",
            };
            var lastModified = File.GetLastWriteTimeUtc(resolved.File.Path);
            if (UnmodifiedSinceFails(context.Request, lastModified))
            {
                throw new EdgeProblemException(412, "Precondition failed",
                    $"The file was modified at {lastModified:R}, after the If-Unmodified-Since date.");
            }

            return TypedResults.PhysicalFile(resolved.File.Path, contentType, fileName, lastModified,
                new EntityTagHeaderValue(resolved.File.ETag), enableRangeProcessing: true);
        });
        app.MapDelete("/v1/models/{name}/cache", async (string name, string? pf, string? method, string? macs, VariantStore store, HttpContext context) =>
        {
            var variant = ModelVariant.FromRequest(name, pf, method, macs);
            _ = store.FullModel(name);
            var removed = await store.Cache.RemoveAsync(name, variant.Name, DeleteWait, context.RequestAborted);
            return TypedResults.Ok(new { model = name, variant = variant.Name, removedFiles = removed });
        });
        return app;
    }
}
