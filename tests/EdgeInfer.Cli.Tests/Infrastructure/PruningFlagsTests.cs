using EdgeInfer.Cli.Infrastructure;

namespace EdgeInfer.Cli.Tests.Infrastructure;

/// <summary>
/// <c>--pf</c> and <c>--method</c> are declared once (<see cref="PruningFlags"/>) and checked by the parser: every command
/// rejects a bad value before it runs (a parse error, exit 2) with a message naming the flag.
/// </summary>
public sealed class PruningFlagsTests
{
    private static readonly string Repository = Path.Combine(Path.GetTempPath(), "edgeinfer-flags-" + Guid.NewGuid().ToString("N"));

    private static readonly string[][] Commands =
    [
        ["prune", "--model", "mobilenet", "--repository", Repository],
        ["evaluate", "--model", "whatever.onnx", "--repository", Repository],
        ["device", "--edge", "http://127.0.0.1:1", "--model", "mobilenet"],
        ["profile", "--models", "mobilenet", "--repository", Repository, "-o", Path.Combine(Repository, "p.json")],
        ["loadgen", "--edge", "http://127.0.0.1:1", "--model", "mobilenet", "--requests", "1"],
        ["plan", "--profile", "p.json", "--model", "mobilenet"],
    ];

    public static TheoryData<string, string, string> BadValues => new()
    {
        { "--pf", "1.5", "'1.5' is not a number in [0, 0.99] with at most two decimals." },
        { "--pf", "0.755", "'0.755' is not a number" },
        { "--pf", "1e-1", "'1e-1' is not a number" },
        { "--pf", "NaN", "'NaN' is not a number" },
        { "--pf", "-0.5", "'-0.5' is not a number" },
        { "--method", "random", "'random' is not one of global, layer, channel, channel-ls." },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void EveryPruningCommand_BadValue_IsAParseErrorNamingTheFlag(string flag, string value, string expected)
    {
        foreach (var command in Commands)
        {
            string[] args = [.. command, flag, value];
            var errors = CliApp.BuildRoot().Parse(args).Errors.Select(e => e.Message).ToList();
            var (code, stdout, stderr) = CliRunner.Run(args);

            var name = string.Join(' ', args);
            // evaluate takes a list: its message names the item ("--pf value '1.5' ...").
            Assert.True(
                errors.Any(e => e.StartsWith(flag + " ", StringComparison.Ordinal) && e.Contains(expected, StringComparison.Ordinal)),
                $"{name}: parse errors {string.Join(" | ", errors)}");
            Assert.True(code == 2, $"{name}: exit {code}");
            Assert.Equal("", stdout);
            Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
            Assert.Contains(expected, stderr, StringComparison.Ordinal);
            Assert.Contains(flag, stderr, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(Repository));
    }

    [Theory]
    [InlineData("0.7")]
    [InlineData("0.70")]
    [InlineData(".5")]
    [InlineData("0")]
    public void Pf_PlainDecimals_Parse(string value) =>
        Assert.Empty(CliApp.BuildRoot().Parse(["loadgen", "--edge", "http://127.0.0.1:1", "--model", "m", "--requests", "1", "--pf", value]).Errors);

    [Fact]
    public void Method_AnyCase_Parses() =>
        Assert.Empty(CliApp.BuildRoot().Parse(["loadgen", "--edge", "http://127.0.0.1:1", "--model", "m", "--requests", "1", "--method", "Channel"]).Errors);

    [Theory]
    [InlineData("device", "--edge", "http://127.0.0.1:1", "--model", "mobilenet")]
    [InlineData("profile", "--models", "mobilenet", "-o", "p.json")]
    public void Pf_Zero_WhereAPrunedVariantIsNeeded_IsAParseError(params string[] command)
    {
        var errors = CliApp.BuildRoot().Parse([.. command, "--pf", "0"]).Errors.Select(e => e.Message);
        Assert.Contains(errors, e => e.Contains("--pf 0 is the full model", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0,1.5", "--pf value '1.5' is not a number")]
    [InlineData("0, 0.755", "--pf value '0.755' is not a number")]
    [InlineData(",", "--pf needs at least one pruning factor")]
    public void EvaluatePfList_BadItem_IsAParseErrorNamingIt(string value, string expected)
    {
        var errors = CliApp.BuildRoot().Parse(["evaluate", "--model", "m.onnx", "--pf", value]).Errors.Select(e => e.Message);
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void EvaluatePfList_SpacesAroundCommas_Parse() =>
        Assert.Empty(CliApp.BuildRoot().Parse(["evaluate", "--model", "m.onnx", "--pf", "0, 0.5,0.7"]).Errors);
}
