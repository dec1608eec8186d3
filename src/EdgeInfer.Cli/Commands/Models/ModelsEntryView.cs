namespace EdgeInfer.Cli.Commands.Models;

/// <summary>JSON view of a repository variant.</summary>
internal sealed record ModelsEntryView(
    string Name,
    string Variant,
    string Path,
    long Parameters,
    long? Macs,
    long SizeBytes,
    bool Trained,
    string Source,
    double? PruningFactor,
    string? PruningMethod,
    DateTimeOffset CreatedUtc);
