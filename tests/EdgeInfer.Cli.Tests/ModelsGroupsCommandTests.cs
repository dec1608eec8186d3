using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Models.Building;
using EdgeInfer.Models.Files;

namespace EdgeInfer.Cli.Tests;

public sealed class ModelsGroupsCommandTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "edgeinfer-cli-groups-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Groups_ResNet152Json_CountsByKindResidualStreamsAndTheBlockedHead()
    {
        var json = CliRunner.RunJson("models", "groups", "--model", "resnet152", "--json");

        var counts = json.GetProperty("counts");
        Assert.Equal(101, counts.GetProperty("single").GetInt32());
        Assert.Equal(3, counts.GetProperty("residual").GetInt32());
        Assert.Equal(0, counts.GetProperty("concat").GetInt32());
        var groups = json.GetProperty("groups").EnumerateArray().ToList();
        var stage3 = groups.Single(g => g.GetProperty("id").GetString() == "layer3.0.conv3");
        Assert.Equal("residual", stage3.GetProperty("kind").GetString());
        Assert.Equal(1024, stage3.GetProperty("channels").GetInt32());
        Assert.Equal(37, stage3.GetProperty("producers").GetArrayLength());
        var modelMacs = json.GetProperty("modelMacs").GetInt64();
        Assert.All(groups, g => Assert.Equal(g.GetProperty("macs").GetInt64() / (double)modelMacs, g.GetProperty("share").GetDouble(), 12));
        var blocked = Assert.Single(json.GetProperty("blocked").EnumerateArray());
        Assert.Equal("layer4.0.conv3", blocked.GetProperty("id").GetString());
        Assert.Contains("Flatten", blocked.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Groups_MobileNetStem_MacsOfTheConvsItSlicesByHand()
    {
        var json = CliRunner.RunJson("models", "groups", "--model", "mobilenet", "--json");

        var stem = json.GetProperty("groups")[0];
        Assert.Equal("features.0.conv", stem.GetProperty("id").GetString());
        Assert.Equal("features.1.dw", Assert.Single(stem.GetProperty("depthwise").EnumerateArray()).GetString());
        var consumer = Assert.Single(stem.GetProperty("consumers").EnumerateArray());
        Assert.Equal("features.1.pw", consumer.GetProperty("conv").GetString());
        Assert.Equal("features.1.dw_bn.relu", consumer.GetProperty("input").GetString());
        Assert.Equal(0, consumer.GetProperty("offset").GetInt32());
        // 112×112 outputs: stem 32·3·3·3, depthwise 32·3·3, pointwise 64·32; all three scale with the stem's 32 channels.
        Assert.Equal(112L * 112 * ((32 * 3 * 9) + (32 * 9) + (64 * 32)), stem.GetProperty("macs").GetInt64());
    }

    [Fact]
    public void Groups_OnnxFile_TextNamesTheBlockedStreamAndWhy()
    {
        Directory.CreateDirectory(root);
        var path = Path.Combine(root, "tiny.onnx");
        OnnxModelFile.Save(TinyNetwork.Build(), path);

        var (code, stdout, stderr) = CliRunner.Run("models", "groups", "--model", path);

        Assert.True(code == CliApp.Success, stderr);
        Assert.StartsWith(path + ": 0 prunable channel groups (0 single, 0 residual, 0 concat), 1 left whole", stdout, StringComparison.Ordinal);
        Assert.Contains("producers conv, pw: reaches Flatten 'flatten'", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Groups_UnknownModel_ExitsTwo()
    {
        var (code, _, stderr) = CliRunner.Run("models", "groups", "--model", "nothere.onnx");

        Assert.Equal(CliApp.BadInput, code);
        Assert.Contains("nothere.onnx", stderr, StringComparison.Ordinal);
    }
}
