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

            WriteEventfulRequests(output, r);
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

        output.WriteLine($"retries {report.Retries}, fallbacks {report.Fallbacks}, errors {report.Errors}"
            + (report.Faults is null ? "" : $"; link faults injected ({report.Faults}): drops {report.Drops}, stalls {report.Stalls}"));
    }

    /// <summary>One line per request that met a retry, a drop, a stall, a fallback or an error (at most 20, then a count).</summary>
    private static void WriteEventfulRequests(TextWriter output, StrategyRun run)
    {
        var eventful = run.RequestLog.Where(q => q.Retries > 0 || q.Drops > 0 || q.Stalls > 0 || q.Fallback || q.Error is not null).ToList();
        if (eventful.Count == 0)
        {
            return;
        }

        output.WriteLine(F($"    requests: {run.RequestLog.Count} logged, {run.RequestLog.Count(q => q.ServedBy == "edge")} by the edge, ")
            + F($"{run.Fallbacks} by local fallback, {run.RequestLog.Count(q => q.ServedBy == "none")} lost; drops {run.Drops}, stalls {run.Stalls}"));
        foreach (var q in eventful.Take(20))
        {
            output.WriteLine(F($"    request {q.Id}: served by {q.ServedBy}{(q.Fallback ? " (fallback)" : "")}, retries {q.Retries}, drops {q.Drops}, ")
                + F($"stalls {q.Stalls} ({q.StallSeconds:0.###} s)") + (q.Error is null ? "" : ": " + q.Error));
        }

        if (eventful.Count > 20)
        {
            output.WriteLine(F($"    … and {eventful.Count - 20} more requests with retries, faults or fallbacks (--json lists every request)"));
        }
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
