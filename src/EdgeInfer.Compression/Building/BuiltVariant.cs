using EdgeInfer.Models.Repository;

namespace EdgeInfer.Compression.Building;

/// <summary>A variant <see cref="VariantBuilder.AddToRepository"/> built into the model repository, and how.</summary>
/// <param name="Entry">The new repository entry.</param>
/// <param name="Report">What was built and measured.</param>
public sealed record BuiltVariant(ModelEntry Entry, VariantBuildReport Report);
