using EdgeInfer.Runtime.Execution;
using EdgeInfer.Runtime.Tests.TestModels;

namespace EdgeInfer.Runtime.Tests.Execution;

/// <summary>ORT runs each network the models project builds; each is built once for this class.</summary>
public sealed class CatalogModelRunTests(CatalogModelsFixture models) : IClassFixture<CatalogModelsFixture>
{
    [Theory]
    [InlineData("mobilenet")]
    [InlineData("densenet201")]
    [InlineData("resnet152")]
    public void Run_BuiltCatalogModel_ReturnsOneByThousandFiniteLogits(string name)
    {
        using var session = RuntimeSession.Open(models.PathOf(name), RuntimeOptions.Edge with { WarmupRuns = 0 });

        session.Run();

        Assert.Equal([1L, 3, 224, 224], session.Inputs[0].Shape);
        Assert.Equal("logits", session.Outputs[0].Name);
        Assert.Equal([1L, 1000], session.Outputs[0].Shape);
        var logits = session.Output().ToArray();
        Assert.All(logits, v => Assert.True(float.IsFinite(v), $"{name} logit {v}"));
        Assert.True(logits.Distinct().Count() > 1, $"{name} logits are all equal");
    }
}
