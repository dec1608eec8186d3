using EdgeInfer.Core;

namespace EdgeInfer.Models.Repository;

/// <summary>
/// A model repository on disk, laid out like Triton's: <c>&lt;root&gt;/&lt;model&gt;/&lt;variant&gt;/model.onnx</c>
/// plus <c>metadata.json</c>. A variant is visible (listed, found) only when both files exist; since the model is
/// written first and the metadata last, each by temp file + rename, an interrupted write never shows a half model.
/// </summary>
public sealed partial class ModelRepository
{
    /// <summary>Variant name of an unpruned model.</summary>
    public const string FullVariant = "full";

    /// <summary>File name of a variant's model.</summary>
    public const string ModelFileName = "model.onnx";

    /// <summary>File name of a variant's metadata.</summary>
    public const string MetadataFileName = "metadata.json";

    /// <summary>Environment variable that overrides the default repository path.</summary>
    public const string EnvironmentVariable = "EDGEINFER_REPOSITORY";

    /// <summary>Default repository folder relative to the current directory (git-ignored).</summary>
    public static readonly string DefaultRelativePath = Path.Combine(".edgeinfer", "models");

    private readonly TimeProvider time;

    private ModelRepository(string root, TimeProvider time)
    {
        Root = root;
        this.time = time;
    }

    /// <summary>Absolute path of the repository root.</summary>
    public string Root { get; }

    /// <summary>
    /// The default repository path: <c>$EDGEINFER_REPOSITORY</c> when set, else <c>.edgeinfer/models</c> under the
    /// current directory.
    /// </summary>
    public static string DefaultPath()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return Path.GetFullPath(string.IsNullOrWhiteSpace(fromEnvironment) ? DefaultRelativePath : fromEnvironment);
    }

    /// <summary>Opens (creating if needed) the repository at <paramref name="root"/>; null means <see cref="DefaultPath"/>.</summary>
    /// <param name="root">Repository folder, or null for the default.</param>
    /// <param name="time">Clock for <see cref="ModelMetadata.CreatedUtc"/>; default the system clock.</param>
    public static ModelRepository Open(string? root = null, TimeProvider? time = null)
    {
        var full = Path.GetFullPath(string.IsNullOrWhiteSpace(root) ? DefaultPath() : root);
        if (File.Exists(full))
        {
            throw new EdgeInferInputException($"Repository path '{full}' is a file, not a folder.");
        }

        Directory.CreateDirectory(full);
        return new ModelRepository(full, time ?? TimeProvider.System);
    }

    /// <summary>Path of a variant's <c>model.onnx</c>, whether or not it exists. Names are validated.</summary>
    /// <exception cref="EdgeInferInputException">An invalid model or variant name.</exception>
    public string ModelPath(string name, string variant = FullVariant) => Path.Combine(VariantDirectory(name, variant), ModelFileName);

    /// <summary>
    /// The folder of model <paramref name="name"/> (its variants and <see cref="ModelAccuracy.FileName"/>), whether or
    /// not it exists. The name is validated.
    /// </summary>
    /// <exception cref="EdgeInferInputException">An invalid model name.</exception>
    public string ModelDirectory(string name) => Path.GetDirectoryName(VariantDirectory(name, FullVariant))!;

    /// <summary>Every complete variant, sorted by model then variant. Variants with unreadable metadata are skipped.</summary>
    public IReadOnlyList<ModelEntry> List()
    {
        var entries = new List<ModelEntry>();
        foreach (var modelDir in Directory.EnumerateDirectories(Root).Order(StringComparer.Ordinal))
        {
            foreach (var variantDir in Directory.EnumerateDirectories(modelDir).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(modelDir);
                var variant = Path.GetFileName(variantDir);
                if (ModelNames.IsValid(name) && ModelNames.IsValid(variant) && Read(name, variant) is { } entry)
                {
                    entries.Add(entry);
                }
            }
        }

        return entries;
    }

    /// <summary>The variant, or null when it is not (completely) in the repository.</summary>
    public ModelEntry? TryGet(string name, string variant = FullVariant)
    {
        _ = VariantDirectory(name, variant);
        return Read(name, variant);
    }

    /// <summary>The variant; a missing one is rejected with the variants that do exist.</summary>
    /// <exception cref="EdgeInferInputException">The variant is not in the repository.</exception>
    public ModelEntry Get(string name, string variant = FullVariant) =>
        TryGet(name, variant) ?? throw new EdgeInferInputException(
            $"Model '{name}' variant '{variant}' is not in repository '{Root}'; it has: {Describe(List())}.");

    private static string Describe(IReadOnlyList<ModelEntry> entries) =>
        entries.Count == 0 ? "nothing (run 'edgeinfer models build NAME' or 'models import')" : string.Join(", ", entries.Select(e => $"{e.Name}/{e.Variant}"));

    private string VariantDirectory(string name, string variant)
    {
        var problem = ModelNames.Problem(name, "model name") ?? ModelNames.Problem(variant, "variant name");
        return problem is null ? Path.Combine(Root, name, variant) : throw new EdgeInferInputException(problem + ".");
    }

    private ModelEntry? Read(string name, string variant)
    {
        var directory = Path.Combine(Root, name, variant);
        var model = Path.Combine(directory, ModelFileName);
        var metadata = Path.Combine(directory, MetadataFileName);
        if (!File.Exists(model) || !File.Exists(metadata))
        {
            return null;
        }

        try
        {
            return new ModelEntry(name, variant, model, ModelMetadata.Read(metadata));
        }
        catch (Exception ex) when (ex is EdgeInferInputException or IOException)
        {
            return null;
        }
    }
}
