using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using EdgeInfer.Accuracy.Datasets;
using EdgeInfer.Runtime.Classification;
using Google.Protobuf;

namespace EdgeInfer.Accuracy.Classifier;

/// <summary>
/// Makes the pretrained ResNet-18 backbone a classifier honestly: extract its features of a labelled training set, train a
/// linear softmax head on them (<see cref="HeadTrainer"/>), and stitch backbone + standardisation + Gemm into one ONNX model
/// labelled trained, with its provenance in the metadata. Deterministic: same inputs, same bytes.
/// </summary>
public static class ClassifierBuilder
{
    /// <summary>Builds the classifier from <paramref name="train"/> (default: the embedded 2,000-image Fashion-MNIST subset).</summary>
    public static BuiltClassifier Build(ClassifierOptions options, ILabelledImageSource? train = null, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options = options.Validated();
        train ??= EmbeddedSubset.Train;
        var clock = Stopwatch.StartNew();
        var preprocessing = BackboneGraph.Preprocessing(options.InputSize);
        progress?.Report($"preparing {train.Count} training images at {options.InputSize}x{options.InputSize}");
        var data = PreparedDataset.Prepare(train, preprocessing, options.BatchSize, strict: true);
        var extractor = BackboneGraph.FeatureExtractor(options.InputSize).ToByteArray();
        var (features, labels) = FeatureExtractor.Extract(extractor, data, progress);
        double featureSeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        progress?.Report($"training the softmax head on {features.Length} feature vectors (ML.NET LbfgsMaximumEntropy)");
        var (l2, holdOut) = L2Selection.Choose(features, labels, train.ClassNames.Count, options.L2Candidates, options.Head);
        var weights = string.Join(", ", holdOut.Select(kv => FormattableString.Invariant($"{kv.Key}: {kv.Value:P1}")));
        progress?.Report("hold-out top-1 by L2 weight: " + weights + FormattableString.Invariant($"; chosen {l2}"));
        options = options with { Head = options.Head with { L2Regularization = l2 } };
        var head = HeadTrainer.Train(features, labels, train.ClassNames.Count, options.Head);
        double trainSeconds = clock.Elapsed.TotalSeconds;
        double trainTop1 = TrainAccuracy(head, features, labels);

        var model = BackboneGraph.Classifier(options.InputSize, head);
        model.DocString = $"ResNet-18 (ImageNet-pretrained, {BackboneFiles.PackageId} {BackboneFiles.PackageVersion}) "
            + $"with a linear softmax head trained on {train.Description}.";
        ClassifierMetadata.Set(model, ClassifierMetadata.TrainedKey, "true");
        ClassifierMetadata.Set(model, ClassifierMetadata.PreprocessKey, preprocessing.ToSpec());
        ClassifierMetadata.Set(model, ClassifierMetadata.ClassesKey, string.Join("|", train.ClassNames));
        ClassifierMetadata.Set(model, ClassifierMetadata.ProvenanceKey, Provenance(options, train, features.Length, trainTop1));
        return new BuiltClassifier(
            model.ToByteArray(), head, options.InputSize, features.Length, trainTop1, options.Head.L2Regularization, featureSeconds, trainSeconds);
    }

    /// <summary>The one-line provenance recorded as the repository's <c>source</c>.</summary>
    public static string SourceDescription(ILabelledImageSource train)
    {
        ArgumentNullException.ThrowIfNull(train);
        return $"ImageNet-pretrained ResNet-18 from NuGet {BackboneFiles.PackageId} {BackboneFiles.PackageVersion} "
            + $"+ softmax head (ML.NET LbfgsMaximumEntropy) trained on {train.Description}";
    }

    private static double TrainAccuracy(LinearHead head, float[][] features, int[] labels)
    {
        var logits = new float[head.ClassCount];
        int hits = 0;
        for (int i = 0; i < features.Length; i++)
        {
            head.Logits(features[i], logits);
            hits += TopK.RankOf(logits, labels[i]) == 0 ? 1 : 0;
        }

        return (double)hits / features.Length;
    }

    private static string Provenance(ClassifierOptions options, ILabelledImageSource train, int images, double trainTop1)
    {
        var backboneSha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(BackboneFiles.Backbone)));
        var provenance = new Dictionary<string, object>
        {
            ["backbone"] = $"{BackboneFiles.PackageId} {BackboneFiles.PackageVersion} "
                + "tools/DnnImageModels/ResNet18Onnx/ResNet18.onnx (ImageNet-pretrained, CNTK export)",
            ["backboneSha256"] = backboneSha,
            ["inputSize"] = options.InputSize,
            ["trainingData"] = train.Description,
            ["trainingImages"] = images,
            ["trainer"] = "Microsoft.ML 5.0.1 LbfgsMaximumEntropy (multinomial logistic regression, single-threaded)",
            ["l2Regularization"] = options.Head.L2Regularization,
            ["l2Candidates"] = options.L2Candidates,
            ["l2Selection"] = $"stratified hold-out of the training set (1 in {L2Selection.HoldOutEvery} per class), best top-1",
            ["l1Regularization"] = options.Head.L1Regularization,
            ["seed"] = options.Head.Seed,
            ["trainTop1"] = Math.Round(trainTop1, 4),
            ["head"] = "features standardised with training mean/std, then Gemm (logits)",
        };
        return JsonSerializer.Serialize(provenance);
    }
}
