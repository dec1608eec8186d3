namespace EdgeInfer.Architecture.Tests;

/// <summary>House style: lines of at most 160 characters in <c>src/</c>, <c>tests/</c>, <c>bench/</c> and <c>fuzz/</c>.</summary>
public sealed class SourceLineTests
{
    private const int MaxLength = 160;

    [Fact]
    public void SourceLines_AreAtMost160Characters()
    {
        var longLines = RepositoryFiles.SourceTestAndBenchFiles()
            .SelectMany(path => File.ReadLines(path).Select((line, i) => (Path: path, Number: i + 1, line.Length)))
            .Where(l => l.Length > MaxLength)
            .Select(l => $"{RepositoryFiles.Relative(l.Path)}:{l.Number}: {l.Length} characters")
            .ToList();
        Assert.True(
            longLines.Count == 0, $"{longLines.Count} lines over {MaxLength} characters:{Environment.NewLine}{string.Join(Environment.NewLine, longLines)}");
    }
}
