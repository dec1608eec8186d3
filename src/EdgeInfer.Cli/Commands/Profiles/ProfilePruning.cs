using EdgeInfer.Core;
using EdgeInfer.Pruning.Structured;
using EdgeInfer.Pruning.Unstructured;
using EdgeInfer.Runtime.Profiles;
using Onnx;
using PruningFile = EdgeInfer.Pruning.IO.OnnxModelFile;

namespace EdgeInfer.Cli.Commands.Profiles;

/// <summary>The pruning methods <c>profile --method</c> accepts, and the file-to-file pruner the profiler times.</summary>
internal static class ProfilePruning
{
    public static readonly string[] Methods = ["global", "layer", "channel"];

    public static string CheckMethod(string method) =>
        Methods.Contains(method, StringComparer.OrdinalIgnoreCase)
            ? method.ToLowerInvariant()
            : throw new EdgeInferInputException($"--method '{method}' is not one of {string.Join(", ", Methods)}.");

    /// <summary>Prunes an in-memory model in place: global/layer magnitude pruning, or channel (structured) pruning.</summary>
    public static void PruneInPlace(ModelProto model, string method, double pruningFactor)
    {
        if (method == "channel")
        {
            ChannelPruner.PruneInPlace(model, pruningFactor);
        }
        else
        {
            var scope = method == "layer" ? PruningScope.Layer : PruningScope.Global;
            MagnitudePruner.PruneInPlace(model, new MagnitudePruningOptions(pruningFactor, scope).Validated());
        }
    }

    /// <summary>End-to-end file pruning (parse, select, mask, serialize) as timed by the profiler under load.</summary>
    public static PruneFile FilePruner(string method, double pruningFactor) => (input, output, cancellationToken) =>
    {
        cancellationToken.ThrowIfCancellationRequested();
        var model = PruningFile.Load(input);
        PruneInPlace(model, method, pruningFactor);
        PruningFile.Save(model, output);
    };
}
