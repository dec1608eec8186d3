using System.Globalization;
using EdgeInfer.Device.Execution;

namespace EdgeInfer.Cli.Commands.Edge;

/// <summary>The human-readable output of <c>edgeinfer device</c>.</summary>
internal static class DeviceTable
{
    public static void Write(TextWriter output, DeviceReport report)
    {
        output.WriteLine(F($"edge {report.Edge}, model {report.Model}, Q = {report.Requests}, load {report.EdgeLoad}, shaping ")
            + F($"{(report.Shaping ? $"on (UL {report.UplinkBitsPerSecond / 1e6:0.#} / DL {report.DownlinkBitsPerSecond / 1e6:0.#} Mbit/s)" : "off")}"));
        output.WriteLine("decision: " + report.Decision.Explanation);
        foreach (var source in report.Sources)
        {
            output.WriteLine("  input: " + source);
        }

        output.WriteLine(F($"{"strategy",-17} {"cycle s",9} {"pred s",9} {"err",7} {"paper s",9} {"life s",9} {"pred s",9} {"err",7} {"med s",8} {"p90 s",8} ")
            + F($"{"bytes",11} {"energy J",9}"));
        // pred: the planner with the measured protocol overheads; paper: the paper's Eqs. (1)-(6) only.
        foreach (var r in report.Runs)
        {
            var m = r.Measured;
            output.WriteLine(F($"{r.Strategy,-17} {m.CycleDelaySeconds,9:0.0000} {r.Predicted.CycleDelaySeconds,9:0.0000} ")
                + F($"{r.RelativeError.CycleDelay,7:+0.0%;-0.0%} {r.Predicted.PaperCycleDelaySeconds,9:0.0000} {m.LifetimeDelaySeconds,9:0.000} ")
                + F($"{r.Predicted.LifetimeDelaySeconds,9:0.000} {r.RelativeError.LifetimeDelay,7:+0.0%;-0.0%} {m.RequestMedianSeconds,8:0.0000} ")
                + F($"{m.RequestP90Seconds,8:0.0000} {m.ExchangedBytes,11} {m.DeviceEnergyJoules,9:0.0000}"));
            foreach (var note in r.Notes.Concat(r.Errors))
            {
                output.WriteLine("    " + note);
            }
        }

        if (report.Repeat > 1)
        {
            output.WriteLine(F($"medians over {report.Repeat} repetitions:"));
            output.WriteLine(F($"{"strategy",-17} {"cycle s",9} {"pred s",9} {"med err",7} {"err range",17} {"paper s",9} {"life s",9} {"pred s",9} ")
                + F($"{"err",7}"));
            foreach (var m in report.Summary)
            {
                output.WriteLine(F($"{m.Strategy,-17} {m.CycleDelaySeconds,9:0.0000} {m.PredictedCycleDelaySeconds,9:0.0000} {m.CycleError,7:+0.0%;-0.0%} ")
                    + F($"{m.MinCycleError,8:+0.0%;-0.0%}…{m.MaxCycleError,-8:+0.0%;-0.0%} {m.PaperCycleDelaySeconds,9:0.0000} ")
                    + F($"{m.LifetimeDelaySeconds,9:0.000} {m.PredictedLifetimeDelaySeconds,9:0.000} {m.LifetimeError,7:+0.0%;-0.0%}"));
            }
        }

        output.WriteLine($"retries {report.Retries}, fallbacks {report.Fallbacks}, errors {report.Errors}");
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
