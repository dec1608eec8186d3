using EdgeInfer.Models.Repository;
using EdgeInfer.Study.Measurement;

namespace EdgeInfer.Cli.Commands.Reproduce;

/// <summary>Connects the accuracy evaluation (EdgeInfer.Accuracy) to the study: the trained classifier on the embedded test subset.</summary>
internal static class ReproduceAccuracy
{
    /// <summary>The evaluator, building data-aware variants with <paramref name="calibrationImages"/> calibration images (the config's).</summary>
    public static AccuracyEvaluator Evaluator(ModelRepository repository, Action<string> log, int calibrationImages) =>
        new ClassifierAccuracy(repository, log, calibrationImages).Evaluator;
}
