using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Core.Radio;

namespace EdgeInfer.Core.Tests.Planning;

/// <summary>
/// <see cref="PlanningInputs.WithLive"/> must plan exactly like a scenario written with the same live figures (the cell
/// simulator relies on it to run the paper's rule per request without allocating).
/// </summary>
public sealed class PlanningInputsWithLiveTests
{
    private static readonly LinkRates Rates = new(new BitsPerSecond(80e6), new BitsPerSecond(400e6));

    [Fact]
    public void LiveInputsPlanLikeAScenarioWithThoseFigures()
    {
        var baseScenario = new PlanningScenario { Device = new DeviceProfile { Battery = new WattHours(1) } };
        var live = baseScenario.ToInputs().WithLive(7, new Seconds(0.9), new Seconds(0.6), new Seconds(5), new Joules(123));
        var written = baseScenario with
        {
            Workload = baseScenario.Workload with { Requests = 7 },
            Device = baseScenario.Device with { Battery = new WattHours(123 / 3600.0) },
            Model = baseScenario.Model with
            {
                Full = baseScenario.Model.Full with { EdgeInference = new Seconds(0.9) },
                Pruned = baseScenario.Model.Pruned with { EdgeInference = new Seconds(0.6), Prune = new Seconds(5) },
            },
        };

        var a = default(PlanBuffer);
        var b = default(PlanBuffer);
        OffloadPlanner.Plan(live, Rates, ref a);
        OffloadPlanner.Plan(written.ToInputs(), Rates, ref b);

        Assert.Equal(b.Chosen, a.Chosen);
        foreach (var strategy in Strategies.All)
        {
            var (x, y) = (a.Outcome(strategy), b.Outcome(strategy));
            Assert.Equal(y.LifetimeDelay.Value, x.LifetimeDelay.Value, 12);
            Assert.Equal(y.DeviceEnergy.Value, x.DeviceEnergy.Value, 12);
            Assert.Equal(y.Violations, x.Violations);
        }
    }

    [Fact]
    public void NoBatteryMeansNoBatteryConstraintAndBadQIsRefused()
    {
        var inputs = new PlanningScenario { Device = new DeviceProfile { Battery = new WattHours(1e-9) } }.ToInputs();
        var buffer = default(PlanBuffer);

        OffloadPlanner.Plan(inputs.WithLive(50, new Seconds(0.4), new Seconds(0.25), new Seconds(2), null), Rates, ref buffer);

        Assert.All(Strategies.All, s => Assert.False(buffer.Outcome(s).Violations.HasFlag(ConstraintViolations.Battery)));
        Assert.Throws<ArgumentOutOfRangeException>(() => inputs.WithLive(0, Seconds.Zero, Seconds.Zero, Seconds.Zero, null));
        Assert.Throws<InvalidOperationException>(() => default(PlanningInputs).WithLive(1, Seconds.Zero, Seconds.Zero, Seconds.Zero, null));
    }
}
