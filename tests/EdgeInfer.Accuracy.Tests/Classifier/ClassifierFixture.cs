using EdgeInfer.Accuracy.Classifier;
using EdgeInfer.Accuracy.Datasets;

namespace EdgeInfer.Accuracy.Tests.Classifier;

/// <summary>Builds resnet18-fmnist once (112 px, embedded 2,000-image training subset; ~20–60 s on 2 cores) and prepares the embedded test subset.</summary>
public sealed class ClassifierFixture
{
    public ClassifierFixture()
    {
        Built = ClassifierBuilder.Build(new ClassifierOptions());
        Test = PreparedDataset.Prepare(EmbeddedSubset.Test, BackboneGraph.Preprocessing(Built.InputSize), batchSize: 32);
    }

    public BuiltClassifier Built { get; }

    public PreparedDataset Test { get; }
}
