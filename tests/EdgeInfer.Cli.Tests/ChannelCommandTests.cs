using System.Text.Json;

namespace EdgeInfer.Cli.Tests;

public sealed class ChannelCommandTests
{
    private static void Relative(double expected, double actual, double tolerance = 1e-4) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * expected, $"expected {expected}, got {actual}");

    [Fact]
    public void Channel_IssueReferenceJson_HasPathLossAndRates()
    {
        var json = CliRunner.RunJson("channel", "--distance", "100", "--condition", "los", "--json");
        Assert.Equal(85.314, json.GetProperty("pathLossDb").GetDouble(), 1e-3);
        Assert.Equal(0.230984749698, json.GetProperty("losProbability").GetDouble(), 1e-9);
        Relative(1254.66e6, json.GetProperty("uplink").GetProperty("rateBitsPerSecond").GetDouble());
        Relative(1553.61e6, json.GetProperty("downlink").GetProperty("rateBitsPerSecond").GetDouble());
        Assert.Equal(37.768210551, json.GetProperty("uplink").GetProperty("snrDb").GetDouble(), 1e-6);
        Assert.Equal(46.768210551, json.GetProperty("downlink").GetProperty("snrDb").GetDouble(), 1e-6);
    }

    [Fact]
    public void Channel_Json_HasExactlyTheDocumentedKeys()
    {
        var json = CliRunner.RunJson("channel", "--json");
        Assert.Equal(
            [
                "condition", "distanceMeters", "distance3DMeters", "breakpointDistanceMeters", "losProbability", "pathLossDb",
                "losPathLossDb", "nlosPathLossDb", "uplink", "downlink",
            ],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["snrDb", "rateBitsPerSecond", "noisePowerDbm"], json.GetProperty("uplink").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Channel_NlosAt300m_MatchesHandComputedRates()
    {
        // python3 (see Core tests): NLOS 300 m → uplink 129899161.230223 bit/s, downlink 365554727.319635 bit/s
        var json = CliRunner.RunJson("channel", "--distance", "300", "--condition", "nlos", "--json");
        Relative(129899161.230223, json.GetProperty("uplink").GetProperty("rateBitsPerSecond").GetDouble(), 1e-9);
        Relative(365554727.319635, json.GetProperty("downlink").GetProperty("rateBitsPerSecond").GetDouble(), 1e-9);
        Assert.Equal("nlos", json.GetProperty("condition").GetString());
    }

    [Fact]
    public void Channel_EveryRadioFlag_IsApplied()
    {
        // 28 GHz, 400 MHz, 30/20 dBm, 64/4 elements, 5 dBi, NF 7/10 dB, hBS 12 m, hUT 2 m: only checks the flags are wired
        // by comparing with the defaults (each change moves the SNR), and that the frequency reaches the path loss:
        // 32.4 + 21*log10(sqrt(100**2 + 10**2)) + 20*log10(28) = 103.38 dB below the breakpoint.
        var json = CliRunner.RunJson(
            "channel", "--json", "--distance", "100", "--frequency-ghz", "28", "--bandwidth-mhz", "400", "--bs-power-dbm", "30",
            "--ue-power-dbm", "20", "--bs-elements", "64", "--ue-elements", "4", "--element-gain-dbi", "5",
            "--bs-noise-figure-db", "7", "--ue-noise-figure-db", "10", "--bs-height", "12", "--ue-height", "2");
        var d3 = Math.Sqrt((100 * 100) + (10 * 10));
        var pl = 32.4 + (21 * Math.Log10(d3)) + (20 * Math.Log10(28));
        Assert.Equal(pl, json.GetProperty("pathLossDb").GetDouble(), 1e-9);

        // uplink SNR = 20 + (10log10(4) + 5) + (10log10(64) + 5) − PL − (−174 + 10log10(400e6) + 7)
        var snr = 20 + (10 * Math.Log10(4)) + 5 + (10 * Math.Log10(64)) + 5 - pl - (-174 + (10 * Math.Log10(400e6)) + 7);
        Assert.Equal(snr, json.GetProperty("uplink").GetProperty("snrDb").GetDouble(), 1e-9);
    }

    [Fact]
    public void Channel_Text_ShowsUnits()
    {
        var (code, stdout, stderr) = CliRunner.Run("channel", "--distance", "250", "--condition", "expected");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains("Mb/s", stdout, StringComparison.Ordinal);
        Assert.Contains("path loss", stdout, StringComparison.Ordinal);
        Assert.Contains("expected", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "channel", "--distance", "5" }, "--distance = 5 m is outside")]
    [InlineData(new[] { "channel", "--distance", "5001" }, "--distance = 5001 m is outside")]
    [InlineData(new[] { "channel", "--distance", "-1" }, "--distance -1 must be a finite, non-negative number")]
    [InlineData(new[] { "channel", "--ue-height", "1" }, "--ue-height = 1 m is outside")]
    [InlineData(new[] { "channel", "--condition", "foggy" }, "--condition 'foggy' is not one of los, nlos, expected")]
    [InlineData(new[] { "channel", "--frequency-ghz", "abc" }, "abc")]
    [InlineData(new[] { "channel", "--frequency-ghz", "300" }, "--frequency-ghz = 300 GHz is outside")]
    [InlineData(new[] { "channel", "--bs-elements", "2.5" }, "--bs-elements 2.5 must be a whole number")]
    [InlineData(new[] { "channel", "--bogus" }, "--bogus")]
    public void Channel_BadInput_ExitsTwoNamingTheFlag(string[] args, string expected)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Channel_JsonWithDistance_ReportsThatDistance() =>
        Assert.Equal(42, CliRunner.RunJson("channel", "--json", "--distance", "42").GetProperty("distanceMeters").GetDouble());

    [Fact]
    public void Channel_Json_IsCamelCase() =>
        Assert.All(CliRunner.RunJson("channel", "--json").EnumerateObject(), p => Assert.True(char.IsLower(p.Name[0]), p.Name));

    [Fact]
    public void Channel_JsonNumbers_AreNumbers() =>
        Assert.Equal(JsonValueKind.Number, CliRunner.RunJson("channel", "--json").GetProperty("pathLossDb").ValueKind);
}
