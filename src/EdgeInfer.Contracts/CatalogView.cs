namespace EdgeInfer.Contracts;

/// <summary><c>GET /v1/models</c>: the catalog.</summary>
public sealed record CatalogView(IReadOnlyList<ModelView> Models);
