using EdgeInfer.Fuzz.Targets;

namespace EdgeInfer.Fuzz.Tests;

/// <summary>
/// Every file of <c>fuzz/corpus/TARGET/**</c> (the seeds and the inputs of every fixed finding) replays through its
/// fuzz target: only the parser's documented bad-input errors may occur, and each input finishes within seconds.
/// </summary>
public sealed class CorpusReplayTests
{
    private static readonly TimeSpan PerInputLimit = TimeSpan.FromSeconds(10);

    /// <summary>(target, file relative to the corpus root) for every corpus file.</summary>
    public static TheoryData<string, string> CorpusFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var target in FuzzTargets.All)
        {
            var folder = Path.Combine(CorpusRoot, target.Name);
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                data.Add(target.Name, Path.GetRelativePath(CorpusRoot, file).Replace('\\', '/'));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public async Task CorpusFile_ReplaysThroughItsTarget_WithoutUnexpectedErrorInTime(string target, string file)
    {
        var input = File.ReadAllBytes(Path.Combine(CorpusRoot, file));
        var fuzzTarget = FuzzTargets.Find(target);

        var run = Task.Run(() => fuzzTarget.Run(input), TestContext.Current.CancellationToken);

        await run.WaitAsync(PerInputLimit, TestContext.Current.CancellationToken);
    }

    [Fact]
    public void Corpus_HasSeedsForEveryTarget_AndStaysSmall()
    {
        foreach (var target in FuzzTargets.All)
        {
            Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(CorpusRoot, target.Name)));
        }

        var bytes = Directory.EnumerateFiles(CorpusRoot, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Assert.InRange(bytes, 1, 200_000);
    }

    /// <summary>fuzz/corpus of the repository, found above the test binaries.</summary>
    internal static string CorpusRoot { get; } = FindCorpus();

    private static string FindCorpus()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var corpus = Path.Combine(dir.FullName, "fuzz", "corpus");
            if (File.Exists(Path.Combine(dir.FullName, "EdgeInfer.slnx")) && Directory.Exists(corpus))
            {
                return corpus;
            }
        }

        throw new InvalidOperationException("fuzz/corpus not found above " + AppContext.BaseDirectory);
    }
}
