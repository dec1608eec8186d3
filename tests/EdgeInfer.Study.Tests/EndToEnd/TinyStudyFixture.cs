using EdgeInfer.Models.Repository;
using EdgeInfer.Study.Config;
using EdgeInfer.Study.Findings;
using EdgeInfer.Study.Measurement;

namespace EdgeInfer.Study.Tests.EndToEnd;

/// <summary>
/// Runs the whole study once on a tiny config — MobileNet only, edge loads 0 and 1, data-free channel pruning at 0.5 and
/// 0.7, two samples — with real ONNX Runtime, real background load and real pruning, into a temporary folder.
/// </summary>
public sealed class TinyStudyFixture : IDisposable
{
    private readonly TempDirectory root = new();

    public TinyStudyFixture()
    {
        Config = StudyConfigJson.Parse(
            """
            { "models": ["mobilenet"], "edgeLoads": [0, 1], "pruningFactors": [0.5, 0.7], "samples": 2, "warmupRuns": 1, "pruneSamples": 1,
              "accuracyModel": null, "plotMaxLoad": 10, "maxRequests": 50, "pruningMethod": "channel" }
            """,
            StudyPresets.Quick);
        Repository = ModelRepository.Open(Path.Combine(root.Path, "models"));
        Output = Path.Combine(root.Path, "results");
        Result = Run(fresh: false);
    }

    public StudyConfig Config { get; }

    public ModelRepository Repository { get; }

    public string Output { get; }

    public StudyResult Result { get; }

    public StudyResult Run(bool fresh, Action<Running.StudyProgress>? progress = null, CancellationToken cancellationToken = default) =>
        new StudyReproduction(new OrtStudyMeasurer(Config, Repository), new EdgeInfer.Study.Figures.ReportingFigureRenderer(), canMeasureAccuracy: false)
            .Run(new ReproductionRequest(Config, "quick", Output, fresh), progress, cancellationToken);

    public void Dispose() => root.Dispose();
}
