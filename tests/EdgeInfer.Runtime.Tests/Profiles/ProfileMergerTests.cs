using EdgeInfer.Core;
using EdgeInfer.Runtime.Profiles;
using static EdgeInfer.Runtime.Tests.Profiles.ProfileSamples;

namespace EdgeInfer.Runtime.Tests.Profiles;

public sealed class ProfileMergerTests
{
    [Fact]
    public void Merge_DeviceAndEdgeFromDifferentMachines_KeepsBothRoles()
    {
        var device = DeviceOnly(Model("mobilenet", "full", (0, 0.05)));
        var edge = EdgeOnly(Model("mobilenet", "full", (0, 0.01), (2, 0.02), (8, 0.06)));

        var merged = ProfileMerger.Merge([("device.json", device), ("edge.json", edge)]);

        Assert.True(merged.Complete);
        Assert.Equal(Phone, merged.Device!.Machine);
        Assert.Equal(Server, merged.Edge!.Machine);
        Assert.Equal(0.05, merged.Device.Find("mobilenet", "full")!.Measurements[0].Inference.MedianSeconds);
        Assert.Equal(3, merged.Edge.Find("MobileNet", "full")!.Measurements.Count);
    }

    [Fact]
    public void Merge_SameRoleSameMachineDifferentModels_CombinesModels()
    {
        var a = EdgeOnly(Model("mobilenet", "full", (0, 0.01), (2, 0.02), (8, 0.06)));
        var b = EdgeOnly(Model("resnet152", "full", (0, 0.2), (2, 0.4), (8, 1.0)));

        var merged = ProfileMerger.Merge([("a.json", a), ("b.json", b)]);

        Assert.Equal(["mobilenet", "resnet152"], merged.Edge!.Models.Select(m => m.Model));
        Assert.Null(merged.Device);
    }

    [Fact]
    public void Merge_SameMachineDifferentSampleCounts_KeepsTheSmallestCounts()
    {
        var a = EdgeOnly(Model("mobilenet", "full", (0, 0.01), (2, 0.02), (8, 0.06)));
        var b = EdgeOnly(Model("resnet152", "full", (0, 0.2), (2, 0.4), (8, 1.0)));
        b = b with { Edge = b.Edge! with { Settings = b.Edge.Settings with { Samples = 2, WarmupRuns = 0 } } };

        var merged = ProfileMerger.Merge([("a.json", a), ("b.json", b)]);

        Assert.Equal(2, merged.Edge!.Settings.Samples);
        Assert.Equal(0, merged.Edge.Settings.WarmupRuns);
        Assert.Equal(2, merged.Edge.Models.Count);
    }

    [Fact]
    public void Merge_SameMachineDifferentThreads_ThrowsNamingConditions()
    {
        var a = EdgeOnly(Model("mobilenet", "full", (0, 0.01), (2, 0.02), (8, 0.06)));
        var b = EdgeOnly(Model("resnet152", "full", (0, 0.2), (2, 0.4), (8, 1.0)));
        b = b with { Edge = b.Edge! with { Settings = b.Edge.Settings with { IntraOpThreads = 1 } } };

        var ex = Assert.Throws<EdgeInferInputException>(() => ProfileMerger.Merge([("a.json", a), ("b.json", b)]));

        Assert.Contains("different conditions", ex.Message);
    }

    [Fact]
    public void Merge_SameRoleDifferentMachines_ThrowsNamingBothFiles()
    {
        var a = DeviceOnly(Model("mobilenet", "full", (0, 0.05)));
        var b = new ProfileDocument { Complete = true, Device = Role(Server, [0], Model("resnet152", "full", (0, 0.3))) };

        var ex = Assert.Throws<EdgeInferInputException>(() => ProfileMerger.Merge([("a.json", a), ("b.json", b)]));

        Assert.Contains("'a.json'", ex.Message);
        Assert.Contains("'b.json'", ex.Message);
        Assert.Contains("device", ex.Message);
    }

    [Fact]
    public void Merge_DuplicateVariant_ThrowsNamingTheVariant()
    {
        var a = EdgeOnly(Model("mobilenet", "full", (0, 0.01), (2, 0.02), (8, 0.06)));
        var b = EdgeOnly(Model("mobilenet", "full", (0, 0.011), (2, 0.021), (8, 0.061)));

        var ex = Assert.Throws<EdgeInferInputException>(() => ProfileMerger.Merge([("a.json", a), ("b.json", b)]));

        Assert.Contains("'mobilenet' variant 'full'", ex.Message);
    }

    [Fact]
    public void Merge_IncompleteInput_Throws()
    {
        var a = DeviceOnly(Model("mobilenet", "full", (0, 0.05))) with { Complete = false };
        var b = EdgeOnly(Model("mobilenet", "full", (0, 0.01), (2, 0.02), (8, 0.06)));

        var ex = Assert.Throws<EdgeInferInputException>(() => ProfileMerger.Merge([("a.json", a), ("b.json", b)]));

        Assert.Contains("'a.json' is incomplete", ex.Message);
    }
}
