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
/// on-demand cache entry (repository variants are never touched), so the next request prunes again.
/// </summary>
public static class DownloadApi
{
    /// <summary>Header naming where the variant came from (repository, prepruned, cached, pruned).</summary>
    public const string OriginHeader = "X-EdgeInfer-Origin";

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
            return TypedResults.PhysicalFile(resolved.File.Path, contentType, fileName, File.GetLastWriteTimeUtc(resolved.File.Path),
                new EntityTagHeaderValue(resolved.File.ETag), enableRangeProcessing: true);
        });
        app.MapDelete("/v1/models/{name}/cache", (string name, string? pf, string? method, string? macs, VariantStore store) =>
        {
            var variant = ModelVariant.FromRequest(name, pf, method, macs);
            _ = store.FullModel(name);
            return TypedResults.Ok(new { model = name, variant = variant.Name, removedFiles = store.Cache.Remove(name, variant.Name) });
        });
        return app;
    }
}
