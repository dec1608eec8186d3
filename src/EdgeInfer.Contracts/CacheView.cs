namespace EdgeInfer.Contracts;

/// <summary>The on-demand cache (part of <c>GET /v1/status</c>): bytes held, bound and evictions.</summary>
public sealed record CacheView(long Bytes, long LimitBytes, long Evictions);
