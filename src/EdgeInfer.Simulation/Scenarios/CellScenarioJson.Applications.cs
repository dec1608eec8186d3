using EdgeInfer.Core.Quantities;
using EdgeInfer.Core.Scenarios;

namespace EdgeInfer.Simulation.Scenarios;

/// <summary>The <c>applications</c> array: classes of applications and how their requests arrive.</summary>
public static partial class CellScenarioJson
{
    private static ApplicationClass ReadApplication(JsonSection application, ScenarioFileReferences files)
    {
        var d = new ApplicationClass();
        return d with
        {
            Name = application.String("name") ?? d.Name,
            Share = application.Number("share") ?? d.Share,
            MinTop1 = application.Number("minTop1") ?? d.MinTop1,
            Deadline = application.Quantity("deadlineSeconds", v => new Seconds(v)) ?? d.Deadline,
            Arrivals = Section(application, "arrivals", d.Arrivals, (s, defaults) => ReadArrivals(s, defaults, files)),
            RequestsPerLifetime = application.Integer("requestsPerLifetime") ?? d.RequestsPerLifetime,
            Battery = application.Quantity("batteryWh", v => new WattHours(v)) ?? d.Battery,
        };
    }

    private static ArrivalProcess ReadArrivals(JsonSection arrivals, ArrivalProcess d, ScenarioFileReferences files)
    {
        var process = d with
        {
            Kind = arrivals.Choice("kind", ArrivalKinds) ?? d.Kind,
            RatePerSecond = arrivals.Number("ratePerSecond") ?? d.RatePerSecond,
            MeanOnSeconds = arrivals.Number("meanOnSeconds") ?? d.MeanOnSeconds,
            MeanOffSeconds = arrivals.Number("meanOffSeconds") ?? d.MeanOffSeconds,
        };
        var trace = arrivals.String("trace");
        if (process.Kind != ArrivalKind.Trace)
        {
            if (trace is not null)
            {
                arrivals.Problem("trace", "applies to kind \"trace\" only");
            }

            return process;
        }

        if (!Require(arrivals, "trace", $"kind \"trace\" reads the arrivals from a CSV file of {TraceCsv.ArrivalsHeader}") || trace is null)
        {
            return process;
        }

        var text = files.Text(arrivals, "trace", trace);
        if (text is null)
        {
            return process;
        }

        var problems = new List<string>();
        var rows = TraceCsv.Arrivals(text, problems);
        foreach (var problem in problems)
        {
            arrivals.Problem("trace", $"= \"{trace}\" {problem}");
        }

        return process with { Trace = rows };
    }
}
