using EdgeInfer.Simulation.Scenarios;

namespace EdgeInfer.Simulation.Tests.Scenarios;

/// <summary>The edge's service-time distribution and the protocol overheads in the scenario file.</summary>
public sealed class CellScenarioJsonServiceTests
{
    [Fact]
    public void ServiceTimesAndOverheadsAreRead()
    {
        var scenario = CellScenarioJson.Parse(
            """
            { "edge": { "serviceTimes": "log-normal", "serviceVariation": 0.5 },
              "overheads": { "requestSeconds": 0.013, "downloadSeconds": 0.021 } }
            """);

        Assert.Equal(ServiceTimes.LogNormal, scenario.Edge.ServiceTimes);
        Assert.Equal(0.5, scenario.Edge.ServiceVariation);
        Assert.Equal(0.013, scenario.Overheads.Request.Value);
        Assert.Equal(0.021, scenario.Overheads.Download.Value);
    }

    [Fact]
    public void BadServiceTimesAndAnEdgeSessionOpenAreNamed()
    {
        var message = ScenarioAssert.Problems("""{ "edge": { "serviceTimes": "gamma" } }""");
        Assert.Contains("edge.serviceTimes", message, StringComparison.Ordinal);

        message = ScenarioAssert.Problems("""{ "edge": { "serviceVariation": 0 }, "overheads": { "edgeSessionOpenSeconds": 1 } }""");
        Assert.Contains("edge.serviceVariation = 0 must be positive", message, StringComparison.Ordinal);
        Assert.Contains("overheads.edgeSessionOpenSeconds = 1", message, StringComparison.Ordinal);
    }
}
