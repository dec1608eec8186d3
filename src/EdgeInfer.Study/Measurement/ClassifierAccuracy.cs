using EdgeInfer.Accuracy.Classifier;
using EdgeInfer.Accuracy.Datasets;
using EdgeInfer.Accuracy.Evaluation;
using EdgeInfer.Compression.Building;
using EdgeInfer.Models.Repository;
using EdgeInfer.Pruning.Pipeline;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Study.Measurement;

/// <summary>
/// Accuracy of the trained classifier on the embedded Fashion-MNIST test subset, each variant built in memory by
/// <see cref="VariantFactories.Default"/> (EdgeInfer.Accuracy), and recorded in the repository's <c>accuracy.json</c>
/// under the variant's name (<see cref="RecordedAccuracy"/>), so <c>serve</c> on the same repository gives it. The default
/// <c>resnet18-fmnist</c> is built into the repository first when it is missing (ResNet-18 backbone features of the
/// embedded training subset, ML.NET softmax head), so the study runs offline from a fresh clone.
/// </summary>
/// <param name="repository">Where the classifier is (built into it when missing).</param>
/// <param name="log">Progress lines, or null.</param>
/// <param name="calibrationImages">Calibration images (embedded training subset) for the data-aware methods (<c>channel-ls</c>).</param>
public sealed class ClassifierAccuracy(ModelRepository repository, Action<string>? log = null, int calibrationImages = CalibrationImages.DefaultCount)
{
    private readonly VariantBuildOptions build = new() { Calibration = CalibrationImages.Provider(count: calibrationImages) };

    private readonly Dictionary<(string Model, int Images), (EvaluationModel Model, PreparedDataset Data)> prepared = [];

    /// <summary>The evaluator to give <see cref="OrtStudyMeasurer"/>.</summary>
    public AccuracyEvaluator Evaluator => Evaluate;

    private MeasuredAccuracy Evaluate(ModelVariant variant, int images, CancellationToken cancellationToken)
    {
        var (classifier, data) = Prepare(variant.Model, images);
        var point = EdgeInfer.Accuracy.Evaluation.Evaluator.Evaluate(
            classifier.Bytes, variant, data, VariantFactories.Builder(build), cancellationToken: cancellationToken);
        var record = RecordedAccuracy.Of(variant, point.Top1, point.Top5, data.Description, point.Images);
        RecordedAccuracy.Record(repository.ModelDirectory(variant.Model), [record]);
        return new MeasuredAccuracy(variant, point.Top1, point.Top5, data.Description, point.Images);
    }

    private (EvaluationModel Model, PreparedDataset Data) Prepare(string model, int images)
    {
        if (prepared.TryGetValue((model, images), out var ready))
        {
            return ready;
        }

        if (repository.TryGet(model) is null)
        {
            if (model != DefaultClassifier.Name)
            {
                throw new Core.EdgeInferInputException(
                    $"Accuracy model '{model}' is not in the repository {repository.Root}; add it (edgeinfer models import) or use {DefaultClassifier.Name}.");
            }

            DefaultClassifier.EnsureIn(repository, log);
        }

        var classifier = EvaluationModel.Load(model, repository.Root);
        var data = PreparedDataset.Prepare(EmbeddedSubset.Test, classifier.Preprocessing, 32, images);
        prepared[(model, images)] = (classifier, data);
        return (classifier, data);
    }
}
