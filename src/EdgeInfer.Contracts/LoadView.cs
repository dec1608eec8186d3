namespace EdgeInfer.Contracts;

/// <summary>The background load (part of <c>GET /v1/status</c>): L tasks on a model, and how many inferences they completed.</summary>
public sealed record LoadView(int Tasks, string? Model, long CompletedInferences);
