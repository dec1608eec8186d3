using System.Globalization;
using EdgeInfer.Core.Planning;
using EdgeInfer.Core.Radio;

namespace EdgeInfer.Cli.Commands.Plan;

/// <summary>The human-readable form of a plan: a table with units per column.</summary>
internal static class PlanTable
{
    public static void Write(TextWriter o, OffloadPlan plan, ChannelReport channel)
    {
        var c = CultureInfo.InvariantCulture;
        var s = plan.Scenario;
        o.WriteLine(string.Create(c, $"Model {s.Model.Name}, Q = {s.Workload.Requests} requests, objective {s.Objective.ToString().ToLowerInvariant()}, edge ")
            + string.Create(c, $"load {s.Edge.Load:G6}"));
        o.WriteLine(string.Create(c, $"Link  {channel.Condition.ToString().ToLowerInvariant()} at {channel.Distance2D.Value:G6} m: path loss ")
            + string.Create(c, $"{channel.PathLoss.Value:F2} dB, uplink {plan.Rates.Uplink.Value / 1e6:F2} Mb/s, downlink ")
            + string.Create(c, $"{plan.Rates.Downlink.Value / 1e6:F2} Mb/s"));
        o.WriteLine();
        o.WriteLine(string.Create(c, $"{"strategy",-17} {"cycle [s]",10} {"lifetime [s]",13} {"device [J]",11} {"edge [J]",9} {"data [MB]",10}  feasible"));
        foreach (var option in plan.Options)
        {
            var x = option.Outcome;
            var mark = x.Strategy == plan.Chosen ? "*" : " ";
            var feasible = x.Feasible ? "yes" : "no: " + string.Join("; ", option.Reasons);
            o.WriteLine(string.Create(c, $"{mark}{x.Strategy.Name(),-16} {x.CycleDelay.Value,10:F4} {x.LifetimeDelay.Value,13:F4} ")
                + string.Create(c, $"{x.DeviceEnergy.Value,11:F4} {x.EdgeEnergy.Value,9:F2} {x.ExchangedData.Value / 1e6,10:F3}  {feasible}"));
        }

        o.WriteLine();
        o.WriteLine(string.Create(c, $"Chosen: {plan.Chosen?.Name() ?? "none"}. {plan.Explanation}"));
        o.WriteLine();
        o.WriteLine(string.Create(c, $"Break-even against edge-full (smallest Q [requests] at which the device strategy is cheaper; never = not within ")
            + string.Create(c, $"{BreakEven.MaxRequests:N0}):"));
        o.WriteLine(string.Create(c, $"{"strategy",-17} {"delay",8} {"energy",8} {"data",8}"));
        foreach (var b in plan.BreakEvens)
        {
            o.WriteLine(string.Create(c, $" {b.Strategy.Name(),-16} {Q(b.Delay),8} {Q(b.Energy),8} {Q(b.Data),8}"));
        }
    }

    private static string Q(long? requests) => requests?.ToString(CultureInfo.InvariantCulture) ?? "never";
}
