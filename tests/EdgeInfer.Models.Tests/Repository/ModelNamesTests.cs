using CsCheck;
using EdgeInfer.Models.Repository;

namespace EdgeInfer.Models.Tests.Repository;

public sealed class ModelNamesTests
{
    [Fact]
    public void IsValid_AnyAcceptedName_StaysInsideTheRoot()
    {
        var root = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "repo-root"));
        Gen.String[Gen.Char["a-zA-Z0-9./\\_+-"], 1, 20].Sample(name =>
        {
            if (ModelNames.IsValid(name))
            {
                var full = Path.GetFullPath(Path.Combine(root, name, name));
                Assert.StartsWith(root + Path.DirectorySeparatorChar, full, StringComparison.Ordinal);
                Assert.DoesNotContain('/', name);
                Assert.DoesNotContain('\\', name);
                Assert.DoesNotContain("..", name, StringComparison.Ordinal);
            }
        });
    }

    [Theory]
    [InlineData("resnet152", true)]
    [InlineData("pf0.7-unstructured", true)]
    [InlineData("my_model.v2", true)]
    [InlineData("channel-ls+int8-0.50", true)]
    [InlineData("+int8", false)]
    [InlineData("-flag", false)]
    [InlineData("a b", false)]
    [InlineData("ünïcode", false)]
    public void IsValid_Examples(string name, bool expected) => Assert.Equal(expected, ModelNames.IsValid(name));

    [Fact]
    public void DefaultPath_EnvironmentVariableSet_UsesIt()
    {
        using var temp = new TempDirectory();
        var previous = Environment.GetEnvironmentVariable(ModelRepository.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(ModelRepository.EnvironmentVariable, temp.Path);
            Assert.Equal(Path.GetFullPath(temp.Path), ModelRepository.DefaultPath());

            Environment.SetEnvironmentVariable(ModelRepository.EnvironmentVariable, null);
            Assert.Equal(Path.GetFullPath(Path.Combine(".edgeinfer", "models")), ModelRepository.DefaultPath());
        }
        finally
        {
            Environment.SetEnvironmentVariable(ModelRepository.EnvironmentVariable, previous);
        }
    }
}
