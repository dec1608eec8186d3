namespace EdgeInfer.Cli.Tests;

/// <summary><c>serve</c>'s security flags: the safe default off loopback, key files, limits named by their flags.</summary>
public sealed class ServeSecurityTests
{
    [Fact]
    public void Serve_OnAllInterfacesWithoutKeys_RefusesToStartAndSaysHow()
    {
        var (code, stdout, stderr) = CliRunner.Run("serve", "--urls", "http://0.0.0.0:0", "--no-warmup");

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Contains("http://0.0.0.0:0", stderr, StringComparison.Ordinal);
        Assert.Contains("--api-keys FILE", stderr, StringComparison.Ordinal);
        Assert.Contains("EDGEINFER_API_KEYS", stderr, StringComparison.Ordinal);
        Assert.Contains("--allow-anonymous", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_BadKeysFile_NamesItsLineNotItsSecret()
    {
        const string Secret = "short-secret";
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, $"# keys\nops admin {Secret}\n");

            var (code, _, stderr) = CliRunner.Run("serve", "--urls", "http://0.0.0.0:0", "--api-keys", file, "--no-warmup");

            Assert.Equal(2, code);
            Assert.Contains($"API keys file '{file}' line 2: the secret has 12 characters", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("--max-connections", "0")]
    [InlineData("--keep-alive-timeout", "0")]
    [InlineData("--min-data-rate-grace", "0.5")]
    [InlineData("--rate-limit", "-1")]
    [InlineData("--rate-limit-burst", "0")]
    [InlineData("--keep-alive-timeout", "-3")]
    public void Serve_BadLimit_NamesItsFlag(string flag, string value)
    {
        var (code, _, stderr) = CliRunner.Run("serve", "--urls", "http://127.0.0.1:0", "--no-warmup", flag, value);

        Assert.Equal(2, code);
        Assert.Contains(flag, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_HttpsWithoutCertificate_SaysWhichFlag()
    {
        var (code, _, stderr) = CliRunner.Run("serve", "--urls", "https://127.0.0.1:0", "--no-warmup");

        Assert.Equal(2, code);
        Assert.Contains("--tls-cert", stderr, StringComparison.Ordinal);
    }
}
