using EdgeInfer.Models.Repository;

namespace EdgeInfer.Models.Catalog;

/// <summary>Builds catalog models into a repository on demand.</summary>
public static class ModelRepositoryCatalogExtensions
{
    /// <summary>
    /// The <c>full</c> variant of catalog model <paramref name="name"/> (aliases accepted): the existing one when it was
    /// built from the catalog with the same seed, otherwise a fresh build (ResNet-152: about a second and 241 MB).
    /// </summary>
    /// <exception cref="Core.EdgeInferInputException">The name is not in the catalog.</exception>
    public static ModelEntry GetOrBuild(this ModelRepository repository, string name, ulong seed = ModelCatalog.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var model = ModelCatalog.Find(name);
        if (repository.TryGet(model.Name) is { } existing && existing.Metadata.Source == model.CatalogSource && existing.Metadata.Seed == seed)
        {
            return existing;
        }

        return repository.Add(model.Build(seed), model.RepositoryRequest(seed));
    }
}
