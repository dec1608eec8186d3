using EdgeInfer.Pruning.Pipeline;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Runtime.Profiles;

namespace EdgeInfer.Cli.Commands.Profiles;

/// <summary>The pruning methods <c>profile --method</c> accepts, and the file-to-file pruner the profiler times.</summary>
internal static class ProfilePruning
{
    public static PruningMethod ParseMethod(string method) => PrunedVariants.ParseMethod(method, "--method");

    /// <summary>The method's name in profiles and variant names.</summary>
    public static string Name(PruningMethod method) => PrunedVariants.MethodName(method);

    /// <summary>
    /// End-to-end file pruning (parse, select, mask, serialize) with the pruning project's
    /// <see cref="ModelPruning.PruneFile"/>, as timed by the profiler under load.
    /// </summary>
    public static PruneFile FilePruner(PruningMethod method, double pruningFactor) => (input, output, cancellationToken) =>
    {
        cancellationToken.ThrowIfCancellationRequested();
        ModelPruning.PruneFile(input, output, new PruneFileOptions(pruningFactor, method));
    };
}
