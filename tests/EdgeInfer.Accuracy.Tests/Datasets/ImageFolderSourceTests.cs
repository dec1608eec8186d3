using EdgeInfer.Accuracy.Datasets;
using EdgeInfer.Core;
using EdgeInfer.Imaging;
using SkiaSharp;

namespace EdgeInfer.Accuracy.Tests.Datasets;

public sealed class ImageFolderSourceTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public ImageFolderSourceTests()
    {
        WritePng(Path.Combine(_dir.Path, "cat", "a.png"), new SKColor(10, 20, 30));
        WritePng(Path.Combine(_dir.Path, "cat", "b.png"), new SKColor(40, 50, 60));
        WritePng(Path.Combine(_dir.Path, "dog", "c.png"), new SKColor(200, 100, 0));
        File.WriteAllBytes(Path.Combine(_dir.Path, "dog", "corrupt.jpg"), [0xFF, 0xD8, 0xFF, 0x00, 1, 2, 3]);
        var png = File.ReadAllBytes(Path.Combine(_dir.Path, "cat", "a.png"));
        File.WriteAllBytes(Path.Combine(_dir.Path, "dog", "truncated.png"), png[..(png.Length / 2)]);
        File.WriteAllText(Path.Combine(_dir.Path, "dog", "notes.txt"), "ignored: not an image extension");
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Open_ClassFolders_IndexedInOrdinalOrder()
    {
        var source = ImageFolderSource.Open(_dir.Path);

        Assert.Equal(5, source.Count);
        Assert.Equal(["cat", "dog"], source.ClassNames);
        Assert.Equal([0, 0, 1, 1, 1], Enumerable.Range(0, 5).Select(source.LabelOf));
    }

    [Fact]
    public void TryDecode_Png_ReturnsItsRgbPixels()
    {
        var source = ImageFolderSource.Open(_dir.Path);

        Assert.True(source.TryDecode(0, out var image, out _));

        Assert.Equal((8, 6, 3), (image!.Width, image.Height, image.Channels));
        Assert.Equal([10, 20, 30], image.Pixels[..3]);
    }

    [Fact]
    public void TryDecode_CorruptAndTruncated_ReportsProblems()
    {
        var source = ImageFolderSource.Open(_dir.Path);
        int corrupt = source.Files.ToList().FindIndex(f => f.EndsWith("corrupt.jpg", StringComparison.Ordinal));
        int truncated = source.Files.ToList().FindIndex(f => f.EndsWith("truncated.png", StringComparison.Ordinal));

        Assert.False(source.TryDecode(corrupt, out _, out var p1));
        Assert.False(source.TryDecode(truncated, out _, out var p2));
        Assert.Contains("corrupt.jpg", p1);
        Assert.Contains("truncated.png", p2);
    }

    [Fact]
    public void Prepare_CorruptImages_SkippedAndCounted()
    {
        var data = PreparedDataset.Prepare(ImageFolderSource.Open(_dir.Path), PreprocessOptions.Raw255(4), batchSize: 2);

        Assert.Equal(3, data.ImageCount);
        Assert.Equal(2, data.Problems.Count);
        Assert.Equal([2, 1], data.Batches.Select(b => b.Count));
        Assert.Equal(200f, data.Batches[1].Data[0], 1e-3f); // dog c.png: red 200 on the 0..255 scale
    }

    [Fact]
    public void Prepare_Strict_ThrowsOnFirstCorruptImage()
    {
        var ex = Assert.Throws<EdgeInferInputException>(
            () => PreparedDataset.Prepare(ImageFolderSource.Open(_dir.Path), PreprocessOptions.Raw255(4), 2, strict: true));

        Assert.Contains("2 unreadable image(s)", ex.Message);
    }

    [Fact]
    public void Open_LabelsTxt_GivesClassNames()
    {
        File.WriteAllLines(Path.Combine(_dir.Path, "labels.txt"), ["tabby cat", "good dog"]);

        Assert.Equal(["tabby cat", "good dog"], ImageFolderSource.Open(_dir.Path).ClassNames);
    }

    [Fact]
    public void Open_LabelsTxtWithWrongCount_Throws()
    {
        File.WriteAllLines(Path.Combine(_dir.Path, "labels.txt"), ["only one"]);

        var ex = Assert.Throws<EdgeInferInputException>(() => ImageFolderSource.Open(_dir.Path));

        Assert.Contains("1 class names", ex.Message);
    }

    [Fact]
    public void Open_NoClassFolders_Throws()
    {
        using var empty = new TempDirectory();

        Assert.Throws<EdgeInferInputException>(() => ImageFolderSource.Open(empty.Path));
    }

    private static void WritePng(string path, SKColor color)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var bitmap = new SKBitmap(new SKImageInfo(8, 6, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        bitmap.Erase(color);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }
}
