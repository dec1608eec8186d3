using EdgeInfer.Accuracy.Datasets;
using EdgeInfer.Models.Repository;

namespace EdgeInfer.Accuracy.Classifier;

/// <summary>
/// The default classifier (<c>resnet18-fmnist</c>: the pretrained ResNet-18 backbone with a head trained on the embedded
/// Fashion-MNIST subset), built into a repository on first use, as <c>reproduce</c> and <c>evaluate</c> need it.
/// </summary>
public static class DefaultClassifier
{
    /// <summary>Its name in the repository.</summary>
    public static string Name { get; } = new ClassifierOptions().Name;

    /// <summary>
    /// Builds and adds the default classifier unless <paramref name="repository"/> has it; true when it was built
    /// (a minute or so on two cores, announced through <paramref name="log"/>).
    /// </summary>
    public static bool EnsureIn(ModelRepository repository, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(repository);
        if (repository.TryGet(Name) is not null)
        {
            return false;
        }

        log?.Invoke($"building {Name} (ResNet-18 backbone + softmax head trained on the embedded Fashion-MNIST subset) ...");
        var built = ClassifierBuilder.Build(new ClassifierOptions(), EmbeddedSubset.Train);
        var request = new ModelAddRequest
        {
            Name = Name,
            Trained = true,
            Architecture = "resnet18",
            Source = ClassifierBuilder.SourceDescription(EmbeddedSubset.Train),
        };
        repository.Add(request, stream => stream.Write(built.Model));
        return true;
    }
}
