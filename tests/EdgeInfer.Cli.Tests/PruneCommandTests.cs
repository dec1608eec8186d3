using System.Text.Json;
using EdgeInfer.Models.Building;
using Google.Protobuf;
using Onnx;

namespace EdgeInfer.Cli.Tests;

/// <summary><c>edgeinfer prune</c> and <c>edgeinfer wire</c> on the 17,400-parameter tiny network: the real commands, in process.</summary>
public sealed class PruneCommandTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("edgeinfer-prune-cli-").FullName;

    public PruneCommandTests() => File.WriteAllBytes(TinyPath, TinyNetwork.Build().ToByteArray());

    private string TinyPath => Path.Combine(root, "tiny.onnx");

    public void Dispose() => Directory.Delete(root, recursive: true);

    /// <summary>Runs a command that reports progress on stderr: exit 0 and one JSON object on stdout.</summary>
    private static JsonElement Succeeds(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.True(code == 0, $"exit {code}: {stderr}");
        using var document = JsonDocument.Parse(stdout);
        return document.RootElement.Clone();
    }

    [Fact]
    public void Prune_ModelFile_WritesEveryAskedFileAndReportsPfMethodAndSparsity()
    {
        var (dense, wire, sparse) = (Path.Combine(root, "p.onnx"), Path.Combine(root, "p.eiw"), Path.Combine(root, "p.sparse.onnx"));

        var json = Succeeds(
            "prune", "--model", TinyPath, "--pf", "0.5", "--method", "global", "-o", dense, "--wire", wire, "--sparse-onnx", sparse, "--json");

        Assert.Equal(0.5, json.GetProperty("pruningFactor").GetDouble());
        Assert.Equal("global", json.GetProperty("method").GetString());
        Assert.InRange(json.GetProperty("achievedSparsity").GetDouble(), 0.49, 0.51);
        Assert.True(json.GetProperty("parametersAfter").GetInt64() < json.GetProperty("parametersBefore").GetInt64());
        Assert.Equal(dense, json.GetProperty("output").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("repositoryVariant").ValueKind);
        Assert.All(new[] { dense, wire, sparse }, path => Assert.True(File.Exists(path), path));
        Assert.Equal(new FileInfo(dense).Length, json.GetProperty("sizes").GetProperty("dense").GetInt64());
        Assert.Equal(new FileInfo(wire).Length, json.GetProperty("sizes").GetProperty("wire").GetInt64());
    }

    [Fact]
    public void Prune_RepositoryModel_AddsTheNamedVariant()
    {
        var repo = Path.Combine(root, "repo");
        CliRunner.RunJson("models", "import", TinyPath, "--name", "tiny", "--repository", repo, "--json");

        var json = Succeeds("prune", "--model", "tiny", "--pf", "0.7", "--method", "channel", "--repository", repo, "--json");

        Assert.Equal("channel-0.70", json.GetProperty("repositoryVariant").GetString());
        Assert.Equal("channel", json.GetProperty("method").GetString());
        Assert.True(File.Exists(Path.Combine(repo, "tiny", "channel-0.70", "model.onnx")));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("output").ValueKind);
    }

    [Theory]
    [InlineData("--model", "missing.onnx", "missing.onnx")]
    [InlineData("--pf", "1.5", "1.5")]
    [InlineData("--method", "random", "random")]
    public void Prune_BadInput_ExitsTwoNamingIt(string option, string value, string named)
    {
        string[] args = ["prune", "--model", TinyPath, "--pf", "0.5", "-o", Path.Combine(root, "out.onnx")];
        var index = Array.IndexOf(args, option);
        args = index >= 0 ? [.. args[..(index + 1)], value, .. args[(index + 2)..]] : [.. args, option, value];

        var (code, stdout, stderr) = CliRunner.Run(args);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains(named, stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(root, "out.onnx")));
    }

    [Theory]
    [InlineData("Give either --pf (a uniform pruning factor) or --target-macs (a MACs budget), not both.", "--pf", "0.5", "--target-macs", "0.5")]
    [InlineData("A MACs budget needs a structured method (channel, channel-ls); global zeroes weights", "--target-macs", "0.5", "--method", "global")]
    [InlineData("--method 'int8' quantizes the full model; to prune too, name a method with +int8", "--method", "int8", "--pf", "0.5")]
    [InlineData("--method channel prunes: give --pf (a uniform pruning factor) or --target-macs (a MACs budget).", "--method", "channel")]
    [InlineData("--calibration '/nonexistent/images' is neither 'default' nor an existing folder", "--pf", "0.5", "--calibration", "/nonexistent/images")]
    [InlineData("--calibration-images '0' is not a whole number of images", "--pf", "0.5", "--calibration-images", "0")]
    public void Prune_FlagsThatMakeNoVariant_ExitTwoWithTheMessageAndWriteNothing(string message, params string[] flags)
    {
        var output = Path.Combine(root, "out.onnx");

        var (code, stdout, stderr) = CliRunner.Run(["prune", "--model", TinyPath, "-o", output, .. flags]);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Prune_ChannelToAMacsBudget_AddsTheBudgetedVariantWithinItsBudget()
    {
        var repo = Path.Combine(root, "repo");

        var json = Succeeds("prune", "--model", "mobilenet", "--method", "channel", "--target-macs", "0.5", "--repository", repo, "--json");

        Assert.Equal("channel-macs0.50", json.GetProperty("repositoryVariant").GetString());
        Assert.Equal("channel", json.GetProperty("method").GetString());
        Assert.Equal(0.5, json.GetProperty("macsBudget").GetDouble());
        Assert.True(json.GetProperty("pruningFactor").GetDouble() > 0);
        Assert.True(json.GetProperty("macsAfter").GetInt64() <= 0.5 * json.GetProperty("macsBefore").GetInt64());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("calibration").ValueKind);
        var metadata = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(repo, "mobilenet", "channel-macs0.50", "metadata.json"))).RootElement;
        Assert.Equal(0.5, metadata.GetProperty("macsBudget").GetDouble());
    }

    [Theory]
    [InlineData("--from 'global-0.5' is not the name of a float variant", "--from", "global-0.5")]
    [InlineData("--from 'int8' is not the name of a float variant", "--from", "int8")]
    [InlineData("--calibration-images '-3' is not a whole number", "--calibration-images", "-3")]
    public void Quantize_BadFlags_ExitTwoNamingThem(string message, params string[] flags)
    {
        var repo = Path.Combine(root, "repo");
        CliRunner.RunJson("models", "import", TinyPath, "--name", "tiny", "--repository", repo, "--json");

        var (code, stdout, stderr) = CliRunner.Run(["quantize", "--model", "tiny", "--repository", repo, .. flags]);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Equal(["full"], Directory.EnumerateDirectories(Path.Combine(repo, "tiny")).Select(Path.GetFileName));
    }

    [Fact]
    public void Quantize_RepositoryModel_AddsTheInt8EntryCalibratedOnTheAskedImages()
    {
        var repo = Path.Combine(root, "repo");
        CliRunner.RunJson("models", "import", TinyPath, "--name", "tiny", "--repository", repo, "--json");

        var json = Succeeds("quantize", "--model", "tiny", "--repository", repo, "--calibration-images", "8", "--sizes", "--json");

        Assert.Equal("int8", json.GetProperty("repositoryVariant").GetString());
        Assert.Equal("int8", json.GetProperty("precision").GetString());
        Assert.Equal(8, json.GetProperty("calibration").GetProperty("images").GetInt32());
        Assert.Contains("fashion", json.GetProperty("calibration").GetProperty("source").GetString()!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(json.GetProperty("macsBefore").GetInt64(), json.GetProperty("macsAfter").GetInt64());
        Assert.True(json.GetProperty("timings").GetProperty("quantize").GetDouble() > 0);
        var metadata = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(repo, "tiny", "int8", "metadata.json"))).RootElement;
        Assert.Equal("int8", metadata.GetProperty("precision").GetString());
    }

    [Fact]
    public void Quantize_FileWithFrom_ExitsTwo()
    {
        var (code, _, stderr) = CliRunner.Run("quantize", "--model", TinyPath, "--from", "channel-0.50", "-o", Path.Combine(root, "q.onnx"));

        Assert.Equal(2, code);
        Assert.Contains("--from applies to repository models", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Wire_EncodeThenDecode_GivesBackThePrunedModel()
    {
        var pruned = Path.Combine(root, "p.onnx");
        Succeeds("prune", "--model", TinyPath, "--pf", "0.5", "-o", pruned, "--json");
        var (wire, decoded) = (Path.Combine(root, "p.eiw"), Path.Combine(root, "back.onnx"));

        var encode = CliRunner.RunJson("wire", "encode", pruned, "-o", wire, "--json");
        var decode = CliRunner.RunJson("wire", "decode", wire, "-o", decoded, "--json");

        Assert.Equal("encode", encode.GetProperty("operation").GetString());
        Assert.Equal(new FileInfo(wire).Length, encode.GetProperty("outputBytes").GetInt64());
        Assert.True(encode.GetProperty("ratio").GetDouble() < 1, "a half-zero model encodes smaller than dense");
        Assert.Equal(new FileInfo(wire).Length, decode.GetProperty("inputBytes").GetInt64());
        Assert.Equal(ModelProto.Parser.ParseFrom(File.ReadAllBytes(pruned)), ModelProto.Parser.ParseFrom(File.ReadAllBytes(decoded)));
    }

    [Theory]
    [InlineData("encode", "missing.onnx")]
    [InlineData("decode", "missing.eiw")]
    public void Wire_MissingInput_ExitsTwoNamingIt(string operation, string input)
    {
        var (code, stdout, stderr) = CliRunner.Run("wire", operation, Path.Combine(root, input), "-o", Path.Combine(root, "out"));

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains(input, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Wire_DecodeOfANonWireFile_ExitsTwo()
    {
        var (code, _, stderr) = CliRunner.Run("wire", "decode", TinyPath, "-o", Path.Combine(root, "out.onnx"));

        Assert.Equal(2, code);
        Assert.NotEqual("", stderr);
        Assert.False(File.Exists(Path.Combine(root, "out.onnx")));
    }
}
