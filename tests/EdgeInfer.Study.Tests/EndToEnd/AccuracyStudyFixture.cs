using EdgeInfer.Accuracy.Classifier;
using EdgeInfer.Models.Building;
using EdgeInfer.Models.Repository;
using EdgeInfer.Study.Config;
using EdgeInfer.Study.Findings;
using EdgeInfer.Study.Measurement;

namespace EdgeInfer.Study.Tests.EndToEnd;

/// <summary>
/// Runs the whole study once with an accuracy model: MobileNet (untrained) at edge load 0 only, and a "trained" stand-in
/// classifier (<see cref="TinyNetwork"/> marked trained, so that evaluation is cheap) on 8 embedded test images, with real
/// ONNX Runtime, real pruning and the real accuracy evaluation, into a temporary folder.
/// </summary>
public sealed class AccuracyStudyFixture : IDisposable
{
    /// <summary>The accuracy model's name in the repository.</summary>
    public const string Proxy = "tiny-cls";

    private readonly TempDirectory root = new();

    public AccuracyStudyFixture()
    {
        Config = StudyConfigJson.Parse(
            $$"""
            { "models": ["mobilenet"], "edgeLoads": [0], "pruningFactors": [0, 0.5], "samples": 2, "warmupRuns": 1, "pruneSamples": 1,
              "accuracyModel": "{{Proxy}}", "accuracyImages": 8, "plotMaxLoad": 10, "maxRequests": 20,
              "pruningMethod": "channel", "calibrationImages": 8 }
            """,
            StudyPresets.Quick);
        Repository = ModelRepository.Open(Path.Combine(root.Path, "models"));
        var classifier = TinyNetwork.Build();
        ClassifierMetadata.Set(classifier, ClassifierMetadata.TrainedKey, "true");
        Repository.Add(classifier, new ModelAddRequest { Name = Proxy, Trained = true, Source = "test: TinyNetwork marked trained" });
        Output = Path.Combine(root.Path, "results");
        var measurer = new OrtStudyMeasurer(Config, Repository, new ClassifierAccuracy(Repository).Evaluator);
        Result = new StudyReproduction(measurer, new EdgeInfer.Study.Figures.ReportingFigureRenderer(), canMeasureAccuracy: true)
            .Run(new ReproductionRequest(Config, "quick", Output, Fresh: false));
        Report = File.ReadAllText(Path.Combine(Output, "report.md"));
    }

    public StudyConfig Config { get; }

    public ModelRepository Repository { get; }

    public string Output { get; }

    public StudyResult Result { get; }

    public string Report { get; }

    public void Dispose() => root.Dispose();
}
