using EdgeInfer.Contracts;
using EdgeInfer.Edge.Variants;
using EdgeInfer.Models.Repository;
using EdgeInfer.Pruning.Pipeline;
using EdgeInfer.Pruning.Variants;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EdgeInfer.Edge.Api;

/// <summary><c>GET /v1/models</c> and <c>GET /v1/models/{name}</c>: the catalog with every variant, stored or cached.</summary>
public static class ModelsApi
{
    /// <summary>Maps the catalog endpoints.</summary>
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/models", (VariantStore store) => TypedResults.Ok(new CatalogView(Catalog(store, null))));
        app.MapGet("/v1/models/{name}", (string name, VariantStore store) =>
        {
            _ = ModelVariant.FromRequest(name, null, null);
            _ = store.FullModel(name);
            return TypedResults.Ok(Catalog(store, name).Single());
        });
        return app;
    }

    /// <summary>Every model (or only <paramref name="only"/>) with its repository variants and its cached on-demand variants.</summary>
    internal static IReadOnlyList<ModelView> Catalog(VariantStore store, string? only)
    {
        var entries = store.Repository.List().Where(e => only is null || e.Name == only).ToList();
        return entries.GroupBy(e => e.Name).Select(group =>
        {
            var accuracy = RecordedAccuracy.Read(store.Repository.ModelDirectory(group.Key));
            var variants = group.Select(e => Stored(store, e, accuracy)).ToList();
            var modelCache = Path.Combine(store.Cache.Root, group.Key);
            if (Directory.Exists(modelCache))
            {
                foreach (var dir in Directory.EnumerateDirectories(modelCache).Order(StringComparer.Ordinal))
                {
                    var variant = Path.GetFileName(dir);
                    var dense = Path.Combine(dir, ModelRepository.ModelFileName);
                    if (variants.All(v => v.Variant != variant) && File.Exists(dense))
                    {
                        var full = group.FirstOrDefault(e => e.Variant == ModelRepository.FullVariant);
                        var named = ModelVariant.TryParseName(group.Key, variant, out var parsed) && !parsed.IsFull;
                        var (pf, method) = named && parsed.IsPruned ? (parsed.Factor.Value, parsed.Method?.Name()) : ((double?)null, (string?)null);
                        var known = accuracy?.Find(variant);
                        variants.Add(new VariantView(
                            variant,
                            "cached",
                            new FileInfo(dense).Length,
                            Sizes(store, group.Key, variant, dense),
                            full?.Metadata.Parameters,
                            full?.Metadata.Macs,
                            full?.Metadata.Trained ?? false,
                            pf,
                            method,
                            $"{group.Key}/full built on demand",
                            known?.Top1,
                            known?.Top5,
                            known?.Dataset,
                            known?.Images,
                            named ? parsed.Budget?.KeptFraction : null,
                            named && parsed.IsQuantized ? ModelVariant.Int8Name : null));
                    }
                }
            }

            var first = group.First().Metadata;
            var inputs = first.Inputs.Select(i => i.ToString()).ToList();
            var outputs = first.Outputs.Select(o => o.ToString()).ToList();
            return new ModelView(group.Key, first.Architecture, first.Trained, inputs, outputs, variants, accuracy);
        }).ToList();
    }

    private static VariantView Stored(VariantStore store, ModelEntry entry, ModelAccuracy? accuracy)
    {
        var m = entry.Metadata;
        var known = accuracy?.Find(entry.Variant);
        var origin = entry.Variant == ModelRepository.FullVariant ? "repository" : "prepruned";
        var sizes = Sizes(store, entry.Name, entry.Variant, entry.ModelPath);
        return new VariantView(
            entry.Variant,
            origin,
            m.SizeBytes,
            sizes,
            m.Parameters,
            m.Macs,
            m.Trained,
            m.PruningFactor,
            m.PruningMethod,
            m.Source,
            known?.Top1,
            known?.Top5,
            known?.Dataset,
            known?.Images,
            m.MacsBudget,
            m.Precision);
    }

    private static FormatSizes Sizes(VariantStore store, string model, string variant, string dense)
    {
        long? Size(string file)
        {
            var path = store.Cache.PathOf(model, variant, file);
            return File.Exists(path) ? new FileInfo(path).Length : null;
        }

        return new FormatSizes(new FileInfo(dense).Length, Size("model.eiw"), Size("model.sparse.onnx"));
    }
}
