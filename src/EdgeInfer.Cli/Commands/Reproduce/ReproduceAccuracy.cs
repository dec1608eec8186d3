using EdgeInfer.Models.Repository;
using EdgeInfer.Study.Measurement;

namespace EdgeInfer.Cli.Commands.Reproduce;

/// <summary>Connects the accuracy evaluation (EdgeInfer.Accuracy) to the study: the trained classifier on the embedded test subset.</summary>
internal static class ReproduceAccuracy
{
    public static AccuracyEvaluator Evaluator(ModelRepository repository, Action<string> log) => new ClassifierAccuracy(repository, log).Evaluator;
}
