using BenchmarkDotNet.Attributes;
using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Core.Radio;

namespace EdgeInfer.Benchmarks;

/// <summary>
/// The planner's hot path: one scenario = six strategies (Eqs. 1–6, constraints, objective) + three break-even points.
/// Target: ≥ 1 million scenarios per second on one thread (≤ 1000 ns per scenario) with zero allocation.
/// Inputs vary (Q, model sizes, times, rates from 10 m to 5 km) so that branches and break-even cases mix.
/// Run: <c>dotnet run -c Release --project bench/EdgeInfer.Benchmarks -- --filter '*Planning*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class PlanningBenchmarks
{
    private const int Scenarios = 1024;
    private readonly PlanningInputs[] inputs = new PlanningInputs[Scenarios];
    private readonly LinkRates[] rates = new LinkRates[Scenarios];
    private PlanBuffer buffer;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        for (var i = 0; i < Scenarios; i++)
        {
            var scenario = new PlanningScenario
            {
                Workload = new Workload { Requests = random.NextInt64(1, 10_000) },
                Model = new ModelProfile
                {
                    Full = new ModelVariantCosts
                    {
                        Size = new Bytes(random.NextInt64(5_000_000, 250_000_000)),
                        DeviceInference = new Seconds(random.NextDouble() * 2),
                        EdgeInference = new Seconds(random.NextDouble()),
                        Top1 = 0.7 + (random.NextDouble() * 0.1),
                    },
                    Pruned = new ModelVariantCosts
                    {
                        Size = new Bytes(random.NextInt64(1_000_000, 100_000_000)),
                        DeviceInference = new Seconds(random.NextDouble()),
                        EdgeInference = new Seconds(random.NextDouble() * 0.5),
                        Prune = new Seconds(random.NextDouble() * 20),
                        Top1 = 0.6 + (random.NextDouble() * 0.1),
                        PruningFactor = 0.5,
                    },
                },
                Device = new DeviceProfile { Battery = new WattHours(random.NextDouble() * 20) },
                Constraints = new PlanningConstraints { MinTop1 = 0.65, MaxCycleDelay = new Seconds(1 + (random.NextDouble() * 10)) },
                Objective = (Objective)(i % 3),
            };
            inputs[i] = scenario.ToInputs();
            var radio = RadioOptions.Default with { Distance = new Meters(10 + (random.NextDouble() * 4990)), Condition = (ChannelCondition)(i % 3) };
            rates[i] = RadioChannel.Evaluate(radio).Rates;
        }
    }

    /// <summary>Plans 1024 different scenarios; reported time is per scenario.</summary>
    [Benchmark(OperationsPerInvoke = Scenarios)]
    public int PlanOneScenario()
    {
        var chosen = 0;
        for (var i = 0; i < Scenarios; i++)
        {
            OffloadPlanner.Plan(inputs[i], rates[i], ref buffer);
            chosen += buffer.Chosen is { } s ? (int)s : -1;
        }

        return chosen;
    }
}
