using EdgeInfer.Models.Catalog;
using EdgeInfer.Models.Repository;

namespace EdgeInfer.Models.Tests.Catalog;

public sealed class GetOrBuildTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void GetOrBuild_SameSeedTwice_BuildsOnce()
    {
        var repo = ModelRepository.Open(temp.File("repo"));

        var first = repo.GetOrBuild("mobilenet-v1", 9);
        var written = File.GetLastWriteTimeUtc(first.ModelPath);
        var second = repo.GetOrBuild("mobilenet", 9);

        Assert.Equal(first.Metadata.CreatedUtc, second.Metadata.CreatedUtc);
        Assert.Equal(written, File.GetLastWriteTimeUtc(second.ModelPath));
        Assert.Equal("catalog:mobilenet", second.Metadata.Source);
        Assert.False(second.Metadata.Trained);
    }

    [Fact]
    public void GetOrBuild_OtherSeed_Rebuilds()
    {
        var repo = ModelRepository.Open(temp.File("repo"));
        var first = File.ReadAllBytes(repo.GetOrBuild("mobilenet", 1).ModelPath);

        var second = repo.GetOrBuild("mobilenet", 2);

        Assert.Equal(2UL, second.Metadata.Seed);
        Assert.False(first.AsSpan().SequenceEqual(File.ReadAllBytes(second.ModelPath)));
    }
}
