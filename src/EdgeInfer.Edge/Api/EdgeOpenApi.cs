using EdgeInfer.Edge.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace EdgeInfer.Edge.Api;

/// <summary>
/// The OpenAPI description of the edge (<c>/openapi/v1.json</c>, open without a key), completed centrally so the endpoint
/// files stay as they are: every operation declares the ProblemDetails answers the pipeline can give it
/// (<see cref="ProblemStatuses"/>: 400, 404, 429, 500, 503, and 401/403 where a key can be needed), the API-key scheme, and
/// <c>/metrics</c> (a Prometheus text endpoint that API Explorer does not see).
/// </summary>
public static class EdgeOpenApi
{
    /// <summary>The document's URL.</summary>
    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>The security scheme's name in the document.</summary>
    public const string SecuritySchemeName = "apiKey";

    private const string ProblemSchemaId = "ProblemDetails";

    /// <summary>The statuses an operation of <paramref name="access"/> declares as ProblemDetails (<c>application/problem+json</c>).</summary>
    public static IReadOnlyList<int> ProblemStatuses(EdgeAccess access) => access == EdgeAccess.Open
        ? [StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status500InternalServerError, StatusCodes.Status503ServiceUnavailable]
        :
        [
            StatusCodes.Status400BadRequest,
            StatusCodes.Status401Unauthorized,
            StatusCodes.Status403Forbidden,
            StatusCodes.Status404NotFound,
            StatusCodes.Status429TooManyRequests,
            StatusCodes.Status500InternalServerError,
            StatusCodes.Status503ServiceUnavailable,
        ];

    /// <summary>Registers the document with its transformers.</summary>
    internal static IServiceCollection AddEdgeOpenApi(this IServiceCollection services) => services.AddOpenApi(o =>
    {
        o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "EdgeInfer edge server";
            document.Info.Description = "Inference, model downloads (variants built on demand), catalog, status and health of an edge server. "
                + "Every error is an RFC 7807 ProblemDetails.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SecuritySchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key as 'Authorization: Bearer <key>' (or in the X-Api-Key header).",
            };
            AddMetrics(document);
            return Task.CompletedTask;
        });
        o.AddOperationTransformer((operation, context, _) =>
        {
            var methods = context.Description.HttpMethod is { } method ? new[] { method } : [];
            var access = EdgeAuthorization.AccessOf(context.Description.RelativePath ?? "/", methods);
            Declare(operation, access, context.Document!);
            return Task.CompletedTask;
        });
    });

    /// <summary>Adds the problem responses and the security requirement of <paramref name="access"/> to <paramref name="operation"/>.</summary>
    private static void Declare(OpenApiOperation operation, EdgeAccess access, OpenApiDocument document)
    {
        if (document.Components?.Schemas is null || !document.Components.Schemas.ContainsKey(ProblemSchemaId))
        {
            document.AddComponent<IOpenApiSchema>(ProblemSchemaId, ProblemSchema());
        }

        operation.Responses ??= new OpenApiResponses();
        foreach (var status in ProblemStatuses(access))
        {
            operation.Responses.TryAdd(status.ToString(System.Globalization.CultureInfo.InvariantCulture), new OpenApiResponse
            {
                Description = ReasonPhrases.GetReasonPhrase(status),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchemaId, document) },
                },
            });
        }

        if (access != EdgeAccess.Open)
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeName, document)] = [] });
        }
    }

    /// <summary><c>GET /metrics</c>: Prometheus text, metrics access.</summary>
    private static void AddMetrics(OpenApiDocument document)
    {
        var operation = new OpenApiOperation
        {
            Summary = "Prometheus metrics (text exposition format).",
            Responses = new OpenApiResponses
            {
                ["200"] = new OpenApiResponse
                {
                    Description = "OK",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                    },
                },
            },
        };
        Declare(operation, EdgeAccess.Metrics, document);
        document.Paths ??= new OpenApiPaths();
        document.Paths["/metrics"] = new OpenApiPathItem { Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Get] = operation } };
    }

    /// <summary>RFC 7807 ProblemDetails, as the edge writes it (with the trace id).</summary>
    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            [nameof(ProblemDetails.Type).ToLowerInvariant()] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
        },
    };
}
