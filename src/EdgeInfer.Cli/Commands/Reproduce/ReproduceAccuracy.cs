using EdgeInfer.Models.Repository;
using EdgeInfer.Study.Measurement;

namespace EdgeInfer.Cli.Commands.Reproduce;

/// <summary>Connects the accuracy evaluation to the study; null while no evaluator is available in this build.</summary>
internal static class ReproduceAccuracy
{
    public static AccuracyEvaluator? Evaluator(ModelRepository repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return null;
    }
}
