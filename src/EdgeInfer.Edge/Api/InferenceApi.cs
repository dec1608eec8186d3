using EdgeInfer.Contracts;
using EdgeInfer.Edge.Hosting;
using EdgeInfer.Edge.Inference;
using EdgeInfer.Pruning.Variants;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace EdgeInfer.Edge.Api;

/// <summary><c>POST /v1/models/{name}/infer?pf=&amp;macs=&amp;method=</c>: top-5 classes as JSON and a <c>Server-Timing</c> header.</summary>
public static class InferenceApi
{
    /// <summary>Maps the inference endpoint.</summary>
    public static IEndpointRouteBuilder MapInferenceApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/models/{name}/infer", InferAsync);
        return app;
    }

    private static async Task<Ok<InferenceResult>> InferAsync(
        string name, string? pf, string? method, string? macs, HttpContext context, InferenceService service, EdgeServerOptions options)
    {
        var variant = ModelVariant.FromRequest(name, pf, method, macs);
        if (context.Request.ContentLength is { } length && length > options.MaxRequestBody.Value)
        {
            throw new EdgeProblemException(
                413, "Request body too large", $"The body of {length} bytes exceeds the {options.MaxRequestBody.Value}-byte limit.");
        }

        var result = await service.InferAsync(
            context.Request, variant, options.MaxRequestBody.Value, options.Resources.MaxImagePixels, context.RequestAborted);
        context.Response.Headers["Server-Timing"] = result.Timings.ToServerTiming();
        return TypedResults.Ok(result);
    }
}
