using EdgeInfer.Core;
using EdgeInfer.Runtime.Profiles;
using static EdgeInfer.Runtime.Tests.Profiles.ProfileSamples;

namespace EdgeInfer.Runtime.Tests.Profiles;

public sealed class ProfileFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("edgeinfer-profile-file-").FullName;

    [Fact]
    public void WriteRead_HandMadeProfile_RoundTrips()
    {
        var path = Path.Combine(folder, "p.json");
        var profile = EdgeOnly(Model("mobilenet", "full", (0, 0.01), (2, 0.02), (8, 0.06)));

        ProfileFile.Write(path, profile);
        var read = ProfileFile.Read(path);

        Assert.Equal(profile.Edge!.Machine, read.Edge!.Machine);
        Assert.Equal(profile.Edge.Models[0].Measurements.Select(m => m.Inference), read.Edge.Models[0].Measurements.Select(m => m.Inference));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }

    [Fact]
    public void WriteRead_SessionOpenTimes_WrittenUnderTheirNameAndReadUnderTheOldLoadNamesToo()
    {
        var path = Path.Combine(folder, "device.json");
        var model = Model("mobilenet", "full", (0, 0.01));
        model = model with { Measurements = [model.Measurements[0] with { SessionOpenSeconds = Stats(0.04), FirstSessionOpenSeconds = 0.06 }] };
        var profile = new ProfileDocument { Complete = true, Device = Role(Phone, [0], model) };

        ProfileFile.Write(path, profile);
        var json = File.ReadAllText(path);
        File.WriteAllText(path, json.Replace("\"sessionOpenSeconds\"", "\"sessionLoadSeconds\"", StringComparison.Ordinal)
            .Replace("\"firstSessionOpenSeconds\"", "\"firstSessionLoadSeconds\"", StringComparison.Ordinal));
        var old = ProfileFile.Read(path).Device!.Models[0].Measurements[0];

        Assert.Contains("\"sessionOpenSeconds\"", json, StringComparison.Ordinal);
        Assert.Contains("\"firstSessionOpenSeconds\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Load", json, StringComparison.Ordinal);
        Assert.Equal(Stats(0.04), old.SessionOpenSeconds);
        Assert.Equal(0.06, old.FirstSessionOpenSeconds);
    }

    [Theory]
    [InlineData("", "not a valid profile")]
    [InlineData("{\"schemaVersion\": 1, \"complete\": true, \"bogus\": 3}", "bogus")]
    [InlineData("{\"schemaVersion\": 9, \"complete\": true}", "schemaVersion 9")]
    [InlineData("null", "empty")]
    public void Read_BadContent_ThrowsNamingFileAndProblem(string content, string expected)
    {
        var path = Path.Combine(folder, "bad.json");
        File.WriteAllText(path, content);

        var ex = Assert.Throws<EdgeInferInputException>(() => ProfileFile.Read(path));

        Assert.Contains("bad.json", ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void ReadComplete_IncompleteProfile_Throws()
    {
        var path = Path.Combine(folder, "partial.json");
        ProfileFile.Write(path, EdgeOnly(Model("mobilenet", "full", (0, 0.01))) with { Complete = false });

        var ex = Assert.Throws<EdgeInferInputException>(() => ProfileFile.ReadComplete(path));

        Assert.Contains("incomplete", ex.Message);
    }

    [Fact]
    public void Read_MissingFile_ThrowsNamingIt()
    {
        var ex = Assert.Throws<EdgeInferInputException>(() => ProfileFile.Read(Path.Combine(folder, "none.json")));

        Assert.Contains("none.json", ex.Message);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
