using System.Text.Json;
using EdgeInfer.Core.Scenarios;

namespace EdgeInfer.Core.Tests.Scenarios;

public sealed class JsonSectionTests
{
    [Fact]
    public void Arrays_WellFormed_ReadEveryItem()
    {
        var (root, problems) = Open("""{ "a": [1, 2.5], "b": [3, 4], "c": ["x", "y"] }""");

        Assert.Equal([1.0, 2.5], root.Numbers("a")!);
        Assert.Equal([3, 4], root.Int32s("b")!);
        Assert.Equal(["x", "y"], root.Strings("c")!);
        root.Finish();
        Assert.Empty(problems);
    }

    [Fact]
    public void Arrays_WrongItems_NameEachItemAndReturnNull()
    {
        var (root, problems) = Open("""{ "outer": { "n": [1, "two", 4294967296], "s": "not an array" } }""");
        var outer = root.Section("outer")!;

        Assert.Null(outer.Int32s("n"));
        Assert.Null(outer.Strings("s"));
        Assert.Equal(
            [
                "outer.n[1] must be a number, got the string \"two\"",
                "outer.n[2] = 4294967296 must be a whole number",
                "outer.s must be an array, got the string \"not an array\"",
            ],
            problems);
    }

    [Fact]
    public void IsExplicitNull_NullAbsentAndValue_TellsThemApartAndMarksKnown()
    {
        var (root, problems) = Open("""{ "a": null, "b": 1 }""");

        Assert.True(root.IsExplicitNull("a"));
        Assert.False(root.IsExplicitNull("b"));
        Assert.False(root.IsExplicitNull("c"));
        Assert.Null(root.Element("a"));
        Assert.Equal(JsonValueKind.Number, root.Element("b")!.Value.ValueKind);
        root.Finish();
        Assert.Empty(problems);
    }

    [Fact]
    public void Int32_BeyondIntRange_IsAProblem()
    {
        var (root, problems) = Open("""{ "n": 2147483648 }""");

        Assert.Null(root.Int32("n"));
        Assert.Equal(["n = 2147483648 must be a whole number"], problems);
    }

    private static (JsonSection Root, List<string> Problems) Open(string json)
    {
        var problems = new List<string>();
        var root = JsonDocument.Parse(json).RootElement.Clone();
        return (JsonSection.Root(root, problems), problems);
    }
}
