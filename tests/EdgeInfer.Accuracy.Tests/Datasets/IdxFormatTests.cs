using System.IO.Compression;
using EdgeInfer.Accuracy.Datasets;
using EdgeInfer.Core;

namespace EdgeInfer.Accuracy.Tests.Datasets;

public sealed class IdxFormatTests
{
    private static readonly byte[] ThreeImages =
    [
        0, 0, 8, 3, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 2, // magic, dims [3,2,2]
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
    ];

    [Fact]
    public void Read_PlainFile_ReturnsDimensionsAndData()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("a.idx"), ThreeImages);

        var array = IdxFormat.Read(dir.File("a.idx"));

        Assert.Equal([3, 2, 2], array.Dimensions);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => (byte)i), array.Data);
    }

    [Fact]
    public void Read_GzipFile_EqualsPlain()
    {
        using var dir = new TempDirectory();
        using (var gz = new GZipStream(File.Create(dir.File("a.idx.gz")), CompressionLevel.Optimal))
        {
            gz.Write(ThreeImages);
        }

        var array = IdxFormat.Read(dir.File("a.idx.gz"));

        Assert.Equal([3, 2, 2], array.Dimensions);
        Assert.Equal(12, array.Data[^1]);
    }

    [Fact]
    public void WriteThenRead_Gzip_RoundTrips()
    {
        using var dir = new TempDirectory();
        var original = new IdxArray([2, 3], [9, 8, 7, 6, 5, 4]);

        IdxFormat.Write(dir.File("b.gz"), original, gzip: true);
        var read = IdxFormat.Read(dir.File("b.gz"));

        Assert.Equal(original.Dimensions, read.Dimensions);
        Assert.Equal(original.Data, read.Data);
        Assert.Single(Directory.GetFiles(dir.Path)); // no temporary file left behind
    }

    [Theory]
    [InlineData(new byte[] { 1, 0, 8, 1, 0, 0, 0, 1, 5 }, "not an IDX file")]
    [InlineData(new byte[] { 0, 0, 0x0D, 1, 0, 0, 0, 1, 5, 5, 5, 5 }, "element type 0x0d")]
    [InlineData(new byte[] { 0, 0, 8, 0 }, "0 dimensions")]
    [InlineData(new byte[] { 0, 0, 8, 2, 0, 0, 0, 1 }, "truncated")]
    [InlineData(new byte[] { 0, 0, 8, 1, 0, 0, 0, 4, 1, 2, 3 }, "truncated")]
    [InlineData(new byte[] { 0, 0, 8, 1, 0, 0, 0, 2, 1, 2, 3 }, "trailing bytes")]
    [InlineData(new byte[] { 0, 0, 8 }, "at least 4")]
    public void Read_BadFile_ThrowsNamingTheProblem(byte[] content, string expected)
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("bad.idx"), content);

        var ex = Assert.Throws<EdgeInferInputException>(() => IdxFormat.Read(dir.File("bad.idx")));

        Assert.Contains(expected, ex.Message);
        Assert.Contains("bad.idx", ex.Message);
    }

    [Fact]
    public void Read_TruncatedGzip_Throws()
    {
        using var dir = new TempDirectory();
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
        {
            gz.Write(ThreeImages);
        }

        File.WriteAllBytes(dir.File("cut.gz"), ms.ToArray()[..(int)(ms.Length / 2)]);

        var ex = Assert.Throws<EdgeInferInputException>(() => IdxFormat.Read(dir.File("cut.gz")));

        Assert.Contains("cut.gz", ex.Message);
    }

    [Fact]
    public void Read_MissingFile_ThrowsNamingIt()
    {
        var ex = Assert.Throws<EdgeInferInputException>(() => IdxFormat.Read("/nonexistent/x.idx"));
        Assert.Contains("/nonexistent/x.idx", ex.Message);
    }

    [Fact]
    public void GreyscaleImageSet_LabelCountMismatch_Throws()
    {
        var ex = Assert.Throws<EdgeInferInputException>(() =>
            new GreyscaleImageSet(new IdxArray([2, 1, 1], [1, 2]), new IdxArray([3], [0, 1, 1]), ["a", "b"], "set"));
        Assert.Contains("2 images but 3 labels", ex.Message);
    }

    [Fact]
    public void GreyscaleImageSet_FirstPerClass_KeepsFirstOfEachClassInOrder()
    {
        var set = new GreyscaleImageSet(new IdxArray([6, 1, 1], [10, 11, 12, 13, 14, 15]), new IdxArray([6], [1, 0, 1, 1, 0, 0]), ["a", "b"], "set");

        var subset = set.FirstPerClass(2);

        Assert.Equal(4, subset.Count);
        Assert.Equal([10, 11, 12, 14], Enumerable.Range(0, 4).Select(i => subset.PixelsOf(i)[0]));
    }

    [Fact]
    public void EmbeddedSubset_IsBalanced()
    {
        Assert.Equal(2000, EmbeddedSubset.Train.Count);
        Assert.Equal(1000, EmbeddedSubset.Test.Count);
        Assert.All(Enumerable.Range(0, 10), c => Assert.Equal(100, Enumerable.Range(0, 1000).Count(i => EmbeddedSubset.Test.LabelOf(i) == c)));
        Assert.Equal(28, EmbeddedSubset.Test.Rows);
    }
}
