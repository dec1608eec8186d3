using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Core;

namespace EdgeInfer.Cli.Tests.Infrastructure;

public sealed class FlagProblemsTests
{
    [Fact]
    public void Naming_LibraryInputException_IsRethrownWithFieldsNamedByFlagsAndTheCauseInside()
    {
        var cause = new EdgeInferInputException("input file 'x.bin' does not exist; set the limit to 3 or less.");

        var ex = Assert.Throws<EdgeInferInputException>(() => FlagProblems.Naming<int>(
            () => throw cause, ("input file", "--input"), ("the limit", "--limit"), ("limit", "--limit")));

        Assert.Equal("--input 'x.bin' does not exist; set --limit to 3 or less.", ex.Message);
        Assert.Same(cause, ex.InnerException);
    }

    [Fact]
    public void Naming_WholeWordsOnly_LeavesLongerWordsAlone()
    {
        var ex = Assert.Throws<EdgeInferInputException>(() => FlagProblems.Naming<int>(
            () => throw new EdgeInferInputException("limits: limit 0 must be at least 1."), ("limit", "--limit")));

        Assert.Equal("limits: --limit 0 must be at least 1.", ex.Message);
    }

    [Fact]
    public async Task NamingAsync_Success_ReturnsTheResult() =>
        Assert.Equal(7, await FlagProblems.NamingAsync(() => Task.FromResult(7), ("limit", "--limit")));
}
