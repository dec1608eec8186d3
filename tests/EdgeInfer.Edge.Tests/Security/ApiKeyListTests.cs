using EdgeInfer.Core;
using EdgeInfer.Edge.Security;

namespace EdgeInfer.Edge.Tests.Security;

public sealed class ApiKeyListTests
{
    private const string AdminSecret = "admin-secret-0123456789";
    private const string DeviceSecret = "device-secret-0123456789";

    [Fact]
    public void Parse_FileWithCommentsAndBlankLines_ReadsEachKeyWithItsRole()
    {
        var text = $"# edge keys\n\nops admin {AdminSecret}\n  phone-1   device\t{DeviceSecret}  \n# end\n";

        var keys = ApiKeyList.Parse(text, "file line", '\n');

        Assert.Equal(["ops (admin)", "phone-1 (device)"], keys.Select(k => k.ToString()));
        Assert.True(keys[0].Matches(ApiKey.Digest(AdminSecret)));
        Assert.False(keys[0].Matches(ApiKey.Digest(DeviceSecret)));
    }

    [Fact]
    public void FromEnvironmentValue_SemicolonSeparated_ReadsEachEntry()
    {
        var keys = ApiKeyList.FromEnvironmentValue($"ops admin {AdminSecret}; phone-1 device {DeviceSecret};");

        Assert.Equal(["ops", "phone-1"], keys.Select(k => k.Name));
        Assert.Empty(ApiKeyList.FromEnvironmentValue("  "));
    }

    [Fact]
    public void Parse_BadEntries_NamesEveryLineAndNeverTheSecret()
    {
        const string Short = "tooshort";
        var text = $"ops admin {AdminSecret}\nphone root {DeviceSecret}\nphone-2 device {Short}\njust-two {DeviceSecret}\nops device {DeviceSecret}x\n";

        var error = Assert.Throws<EdgeInferInputException>(() => ApiKeyList.Parse(text, "keys.txt line", '\n'));

        Assert.Contains("keys.txt line 2: the role must be 'admin' or 'device'", error.Message, StringComparison.Ordinal);
        Assert.Contains("keys.txt line 3: the secret has 8 characters, fewer than 16", error.Message, StringComparison.Ordinal);
        Assert.Contains("keys.txt line 4: expected 'name role secret', found 2 fields", error.Message, StringComparison.Ordinal);
        Assert.Contains("the name 'ops' is given twice", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(DeviceSecret, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Short, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SameSecretInFileAndEnvironment_IsRefused()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, $"ops admin {AdminSecret}\n");

            var error = Assert.Throws<EdgeInferInputException>(() => ApiKeyList.Load(file, $"other device {AdminSecret}"));

            Assert.Contains("'ops' and 'other' have the same secret", error.Message, StringComparison.Ordinal);
            Assert.Equal(2, ApiKeyList.Load(file, $"other device {DeviceSecret}").Count);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ReadFile_Missing_NamesTheFile()
    {
        var error = Assert.Throws<EdgeInferInputException>(() => ApiKeyList.ReadFile("/nonexistent/keys.txt"));

        Assert.Contains("/nonexistent/keys.txt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_NeverShowsTheSecret()
    {
        var key = ApiKey.Create("ops", ApiKeyRole.Admin, AdminSecret);

        Assert.Equal("ops (admin)", key.ToString());
        Assert.DoesNotContain(AdminSecret, new Hosting.EdgeServerOptions { ApiKeys = [key] }.ToString(), StringComparison.Ordinal);
    }
}
