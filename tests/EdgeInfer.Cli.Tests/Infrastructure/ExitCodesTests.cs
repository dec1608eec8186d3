using System.Text.Json;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Core;

namespace EdgeInfer.Cli.Tests.Infrastructure;

public sealed class ExitCodesTests
{
    public static TheoryData<Exception, int> Cases => new()
    {
        { new UsageException("--x is bad."), 2 },
        { new EdgeInferInputException("bad model"), 2 },
        { new FileNotFoundException("no such file", "x.onnx"), 2 },
        { new DirectoryNotFoundException("no such folder"), 2 },
        { new ArgumentException("a caller bug", "value"), 1 },
        { new ArgumentOutOfRangeException("value", 3, "a caller bug"), 1 },
        { new ArgumentNullException("value"), 1 },
        { new JsonException("not from a user file"), 1 },
        { new FormatException("not from a user value"), 1 },
        { new InvalidOperationException("a bug"), 1 },
        { new OperationCanceledException(), 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Classify_OnlyTheProjectsInputExceptionsAreBadInput(Exception exception, int expected) =>
        Assert.Equal(expected, ExitCodes.Classify(exception));

    [Fact]
    public void Message_OneLine() =>
        Assert.Equal("a b", ExitCodes.Message(new EdgeInferInputException("a\nb")));
}
