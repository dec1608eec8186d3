namespace EdgeInfer.Architecture.Tests;

/// <summary>The project references of <c>src/</c> follow the one-way chain that <c>docs/ARCHITECTURE.md</c> documents.</summary>
public sealed class DependencyChainTests
{
    private static readonly string[] Doc =
    [
        "Some text.",
        "```dependencies",
        "# comment",
        "Core:",
        "Models: Core",
        "Runtime: Models  # a trailing comment",
        "Edge: Runtime",
        "Device: Runtime",
        "```",
    ];

    [Fact]
    public void ProjectReferences_FollowTheDocumentedChain()
    {
        var problems = DocumentedDependencies.Read().Violations(ProjectReferences.Read());
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void ProjectReferences_HaveNoCycle()
    {
        var references = ProjectReferences.Read();
        var cyclic = references.Keys.Where(p => DocumentedDependencies.Reachable(references, p).Contains(p)).ToList();
        Assert.True(cyclic.Count == 0, "these projects reach themselves through their references: " + string.Join(", ", cyclic));
    }

    [Fact]
    public void Violations_ReferenceThroughLowerProjects_IsAllowed()
    {
        var references = new Dictionary<string, IReadOnlyList<string>>
        {
            ["Core"] = [], ["Models"] = ["Core"], ["Runtime"] = ["Models"], ["Edge"] = ["Runtime", "Core"], ["Device"] = ["Runtime"],
        };
        Assert.Empty(DocumentedDependencies.Parse(Doc).Violations(references));
    }

    [Fact]
    public void Violations_DeviceReferencesEdge_IsAgainstTheChain()
    {
        var references = new Dictionary<string, IReadOnlyList<string>>
        {
            ["Core"] = [], ["Models"] = ["Core"], ["Runtime"] = ["Models"], ["Edge"] = ["Runtime"], ["Device"] = ["Runtime", "Edge"],
        };
        var problem = Assert.Single(DocumentedDependencies.Parse(Doc).Violations(references));
        Assert.StartsWith("EdgeInfer.Device references EdgeInfer.Edge, against the chain", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Violations_UndocumentedProjectAndCyclicChain_AreReported()
    {
        string[] doc = ["```dependencies", "Core: Models", "Models: Core", "```"];
        var references = new Dictionary<string, IReadOnlyList<string>> { ["Core"] = [], ["Models"] = ["Core"], ["Imaging"] = [] };
        var problems = DocumentedDependencies.Parse(doc).Violations(references);
        Assert.Contains(problems, p => p.StartsWith("src/EdgeInfer.Imaging is not in the dependencies block", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("the dependencies block is not one-way: Core", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NoBlock_Throws() =>
        Assert.Throws<FormatException>(() => DocumentedDependencies.Parse(["# Architecture", "no block here"]));
}
