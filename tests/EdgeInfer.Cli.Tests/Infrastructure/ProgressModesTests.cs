using EdgeInfer.Cli.Commands.Accuracy;
using EdgeInfer.Cli.Infrastructure;

namespace EdgeInfer.Cli.Tests.Infrastructure;

public sealed class ProgressModesTests
{
    [Theory]
    [InlineData(true, false, "xterm-256color", null, true)]
    [InlineData(true, false, null, "", true)]
    [InlineData(true, true, "xterm-256color", null, false)]
    [InlineData(false, false, "xterm-256color", null, false)]
    [InlineData(true, false, "dumb", null, false)]
    [InlineData(true, false, "xterm", "Plain", false)]
    public void Choose_LiveOnlyOnTheProcessStderrAsATerminal(bool consoleError, bool redirected, string? term, string? setting, bool live) =>
        Assert.Equal(live ? ProgressMode.Live : ProgressMode.Plain, ProgressModes.Choose(consoleError, redirected, term, setting));

    [Fact]
    public void For_AnyOtherWriter_IsPlain()
    {
        using var writer = new StringWriter();
        Assert.Equal(ProgressMode.Plain, ProgressModes.For(writer));
    }

    [Fact]
    public void LineProgress_OnAWriter_PrintsTodaysPlainLinesInOrder()
    {
        using var writer = new StringWriter();
        using (var progress = new LineProgress(writer, "evaluate"))
        {
            progress.Report("prepared 10/20 images");
            progress.Report("pf 0.30: top-1 71.0 %");
        }

        Assert.Equal($"prepared 10/20 images{Environment.NewLine}pf 0.30: top-1 71.0 %{Environment.NewLine}", writer.ToString());
    }

    /// <summary>The live display renders into any writer when asked to (as on a terminal): the lines, then the bar is cleared.</summary>
    [Fact]
    public void CliProgress_Live_WritesTheLinesThroughSpectre()
    {
        using var writer = new StringWriter();
        using (var progress = new CliProgress(writer, "evaluate", "  ", ProgressMode.Live))
        {
            progress.Line("building global-0.30 ...");
            progress.Report("step 3/10");
        }

        var text = writer.ToString();
        Assert.Contains("building global-0.30 ...", text, StringComparison.Ordinal);
        Assert.Contains("  step 3/10", text, StringComparison.Ordinal);
    }
}
