using EdgeInfer.Core.Quantities;
using EdgeInfer.Core.Radio;
using EdgeInfer.Simulation.Engine;
using EdgeInfer.Simulation.Policies;
using EdgeInfer.Simulation.Scenarios;
using EdgeInfer.Simulation.Statistics;

namespace EdgeInfer.Simulation.Tests.Engine;

/// <summary>
/// The whole simulator (arrivals, radio, edge) against queueing theory: Poisson arrivals, exponential service, every
/// request offloaded with 1-byte messages on a 100 MHz link (transfers of ~10 ns against 1 s of service), so the delay
/// is the edge's sojourn time. 10^6 requests each; the tolerance (1 %) is several standard errors at these loads.
/// </summary>
public sealed class QueueingValidationTests
{
    [Fact]
    public void ProcessorSharingOnOneCoreGivesTheMm1SojournTime()
    {
        // M/M/1-PS: E[T] = 1/(μ − λ) = 1/(1 − 0.5) = 2 s.
        var result = Run(EdgeDiscipline.ProcessorSharing, cores: 1, totalRate: 0.5);

        Assert.True(result.Requests >= 990_000, $"{result.Requests} requests");
        Assert.Equal(2.0, result.MeanDelaySeconds, 2.0 * 0.01);
        Assert.Equal(0.5, result.EdgeUtilisation, 0.01);
    }

    [Fact]
    public void FcfsOnTwoCoresGivesTheErlangCSojournTime()
    {
        // M/M/2, λ = 1.5, μ = 1 (hand-computed): a = 1.5, ρ = 0.75, P0 = 1/(1 + 1.5 + 1.125·4) = 1/7,
        // C = 1.125·4/7 = 0.642857, Wq = C/(2 − 1.5) = 1.285714, E[T] = Wq + 1 = 2.285714 s.
        var result = Run(EdgeDiscipline.Fcfs, cores: 2, totalRate: 1.5);

        Assert.Equal(2.285714, result.MeanDelaySeconds, 2.285714 * 0.01);
    }

    [Theory]
    [InlineData(4, 3.0)]
    [InlineData(8, 6.4)]
    public void FcfsMatchesErlangCComputedIndependently(int cores, double totalRate)
    {
        var expected = ErlangCSojournSeconds(cores, totalRate, serviceRate: 1.0);

        var result = Run(EdgeDiscipline.Fcfs, cores, totalRate);

        Assert.Equal(expected, result.MeanDelaySeconds, expected * 0.01);
    }

    private static double ErlangCSojournSeconds(int c, double lambda, double serviceRate)
    {
        var a = lambda / serviceRate;
        var rho = a / c;
        double term = 1, sum = 0;
        for (var k = 0; k < c; k++)
        {
            sum += term;
            term *= a / (k + 1);
        }

        var tail = term / (1 - rho);
        var erlangC = tail / (sum + tail);
        return (erlangC / ((c * serviceRate) - lambda)) + (1 / serviceRate);
    }

    private static SimulationResult Run(EdgeDiscipline discipline, int cores, double totalRate)
    {
        const int devices = 100;
        var duration = 1_000_000 / totalRate;
        var scenario = new CellScenario
        {
            Radio = RadioOptions.Default with { Condition = ChannelCondition.Los },
            Devices = new DeviceLayout { Count = devices, OuterRadiusMeters = 50 },
            Messages = new MessageSizes { Input = new Bytes(1), Result = new Bytes(1), Request = new Bytes(1) },
            Applications = [new ApplicationClass { Arrivals = new ArrivalProcess { RatePerSecond = totalRate / devices } }],
            Catalog = new CellCatalog
            {
                Models = [new CellCatalogModel { Name = "m", Variants = [Variant("full", 1.0)] }],
            },
            Edge = new CellEdgeOptions { Discipline = discipline, Cores = cores, ServiceTimes = ServiceTimes.Exponential },
            Duration = new Seconds(duration),
            Warmup = new Seconds(1000),
        };

        return new CellSimulator(scenario).Run(new FixedPolicy("always-edge", PlacementSite.Edge, pruned: false), EvictionKind.Lru, seed: 7);
    }

    private static SimulatedVariant Variant(string name, double edgeSeconds) => new()
    {
        Name = name,
        Size = new Bytes(1_000_000),
        DeviceInference = new Seconds(0.1),
        EdgeInference = new Seconds(edgeSeconds),
    };
}
