using System.Text.Json;
using EdgeInfer.Runtime.Profiles;
using EdgeInfer.Simulation.Profiles;

namespace EdgeInfer.Simulation.Tests.Scenarios;

/// <summary>
/// examples/profiles/paper-2core.json (made by scripts/profile-from-study.py from docs/results/paper/measurements.json)
/// is a profile Runtime reads, and holds the study's numbers.
/// </summary>
public sealed class ExampleProfileTests
{
    private static readonly string[] Models = ["resnet152", "densenet201", "mobilenet"];

    private static readonly string[] Variants = [ProfiledModel.FullVariant, "channel-ls-0.70"];

    private static string ProfilePath => Path.Combine(FolderScenarioFiles.Examples, "profiles", "paper-2core.json");

    [Fact]
    public void ProfileFile_ReadsTheExample_WithEveryModelAndVariant()
    {
        var profile = ProfileFile.ReadComplete(ProfilePath);

        Assert.Equal([0], profile.Device!.Settings.Loads);
        Assert.Equal([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100], profile.Edge!.Settings.Loads);
        foreach (var model in Models)
        {
            foreach (var variant in Variants)
            {
                var simulated = ProfileVariants.Variant(profile, model, variant, top1: null);
                Assert.True(simulated.DeviceInference.Value > 0 && simulated.EdgeInference.Value > 0, $"{model}/{variant}");
                Assert.Equal(variant != ProfiledModel.FullVariant, simulated.Prune.Value > 0);
            }

            var slowdown = ProfileVariants.Slowdown(profile, model, ProfiledModel.FullVariant);
            Assert.Equal((0, 1.0), slowdown[0]);
            Assert.Equal(100 * ProfileVariants.ExtrapolationFactor, slowdown[^1].Load);
        }
    }

    [Fact]
    public void Example_HoldsTheStudysMedians()
    {
        var profile = ProfileFile.ReadComplete(ProfilePath);
        using var study = JsonDocument.Parse(File.ReadAllText(Path.Combine(FolderScenarioFiles.Root, "docs", "results", "paper", "measurements.json")));

        foreach (var model in study.RootElement.GetProperty("models").EnumerateArray())
        {
            var name = model.GetProperty("model").GetString()!;
            Assert.Equal(Median(model.GetProperty("deviceFull")), Device(profile, name, "full").Inference.MedianSeconds);
            Assert.Equal(Median(model.GetProperty("devicePruned")), Device(profile, name, "channel-ls-0.70").Inference.MedianSeconds);
            Assert.Equal(model.GetProperty("pruned").GetProperty("onnxBytes").GetInt64(), profile.Edge!.Find(name, "channel-ls-0.70")!.SizeBytes);
            foreach (var level in model.GetProperty("edge").EnumerateArray())
            {
                var load = level.GetProperty("load").GetInt32();
                var full = profile.Edge!.Find(name, "full")!.Measurements.Single(m => m.Load == load);
                var pruned = profile.Edge.Find(name, "channel-ls-0.70")!.Measurements.Single(m => m.Load == load);
                Assert.Equal(Median(level.GetProperty("full")), full.Inference.MedianSeconds);
                Assert.Equal(Median(level.GetProperty("pruned")), pruned.Inference.MedianSeconds);
                Assert.Equal(Median(level.GetProperty("prune")), pruned.PruneSeconds!.MedianSeconds);
            }
        }
    }

    private static LoadMeasurement Device(ProfileDocument profile, string model, string variant) => profile.Device!.Find(model, variant)!.Measurements.Single();

    private static double Median(JsonElement statistics) => statistics.GetProperty("medianSeconds").GetDouble();
}
