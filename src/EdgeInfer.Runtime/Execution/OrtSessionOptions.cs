using Microsoft.ML.OnnxRuntime;

namespace EdgeInfer.Runtime.Execution;

/// <summary>
/// The one place that turns <see cref="RuntimeOptions"/> into ORT <see cref="SessionOptions"/>, so the wrapper,
/// the background load and the bare-ORT benchmark baseline all use identical settings.
/// </summary>
public static class OrtSessionOptions
{
    /// <summary>Sequential execution, all graph optimisations, the given intra-op threads, one inter-op thread.</summary>
    public static SessionOptions Create(RuntimeOptions options)
    {
        var session = new SessionOptions
        {
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = options.EffectiveIntraOpThreads,
            InterOpNumThreads = 1,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        session.AddSessionConfigEntry("session.intra_op.allow_spinning", options.AllowSpinning ? "1" : "0");
        return session;
    }
}
