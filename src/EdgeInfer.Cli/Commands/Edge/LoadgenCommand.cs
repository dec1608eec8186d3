using System.CommandLine;
using System.Globalization;
using EdgeInfer.Cli.Commands.Models;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Device.Loadgen;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Cli.Commands.Edge;

/// <summary>
/// <c>edgeinfer loadgen</c>: throughput, latency percentiles and errors by status under C concurrent clients, or under
/// open-loop Poisson arrivals from K devices (<c>--arrivals poisson --devices K --rate R</c>).
/// </summary>
internal sealed class LoadgenCommand
{
    private readonly Option<bool> json = CommonOptions.Json();
    private readonly Option<string?> edge = new("--edge") { Description = "Edge server URL (HTTP load)." };
    private readonly Option<bool> inProcess = new("--in-process")
    {
        Description = "Instead of --edge: run the edge server's inference step (admission, pooled session, copy, run, top 5) in this process, without HTTP.",
    };

    private readonly Option<string?> repository = ModelsCommand.RepositoryOption();
    private readonly Option<int> maxConcurrency = new("--max-concurrency")
    {
        Description = "--in-process: inference slots, as serve's.",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    private readonly Option<int?> threads = new("--intra-op-threads")
    {
        Description = "--in-process: intra-op threads per session, as serve's (default cores / max concurrency).",
    };
    private readonly Option<string> model = new("--model") { Description = "Model name at the edge.", Required = true };
    private readonly Option<int?> concurrency = new("--concurrency") { Description = "Concurrent closed-loop clients (default 1)." };
    private readonly Option<string> arrivals = new("--arrivals")
    {
        Description = "closed: --concurrency clients, each sending when the last answer came; "
            + "poisson: --devices K each sending at exponential inter-arrival times of mean 1/--rate, answered or not.",
        DefaultValueFactory = _ => "closed",
    };

    private readonly Option<int?> devices = new("--devices") { Description = "--arrivals poisson: K, the devices sending." };
    private readonly Option<double?> rate = new("--rate") { Description = "--arrivals poisson: R, requests per second per device (total K·R)." };
    private readonly Option<int> seed = new("--seed")
    {
        Description = "--arrivals poisson: seed of the arrival schedule (same seed, same arrivals).",
        DefaultValueFactory = _ => 42,
    };

    private readonly Option<string?> samplesCsv = new("--samples-csv")
    {
        Description = "--arrivals poisson: also write every request (device, arrival, delay, dispatch lag, status) to this CSV file.",
    };
    private readonly Option<int?> requests = new("--requests") { Description = "Total requests to measure." };
    private readonly Option<string?> duration = new("--duration") { Description = "How long to measure, e.g. 30s, 2m (instead of --requests)." };
    private readonly Option<PruningFactor> pf = PruningFlags.Factor("The variant to load", defaultValue: 0);
    private readonly Option<PruningMethod> method = PruningFlags.Method();

    public static Command Create() => new LoadgenCommand().Build();

    /// <summary>Parses <c>30s</c>, <c>2m</c>, <c>500ms</c> or plain seconds.</summary>
    internal static TimeSpan ParseDuration(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        var (number, scale) = t.EndsWith("ms", StringComparison.Ordinal) ? (t[..^2], 1e-3)
            : t.EndsWith('s') ? (t[..^1], 1.0)
            : t.EndsWith('m') ? (t[..^1], 60.0)
            : (t, 1.0);
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value)
            ? TimeSpan.FromSeconds(value * scale)
            : throw new UsageException($"--duration '{text}' is not a positive duration like 30s, 2m or 500ms.");
    }

    private Command Build()
    {
        var command = new Command("loadgen", "Load an edge server with C concurrent closed-loop clients, or with open-loop Poisson arrivals from K devices; "
            + "report throughput, p50/p90/p99, mean and errors by status. "
            + "With --in-process, load the server's inference step in this process instead (no HTTP): the baseline the server's overhead is measured against.");
        Option[] all =
        [
            edge, inProcess, repository, maxConcurrency, threads, model, arrivals, concurrency, devices, rate, seed, requests, duration, pf, method,
            samplesCsv, json,
        ];
        foreach (var option in all)
        {
            command.Options.Add(option);
        }

        command.SetAction(RunAsync);
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var local = parse.GetValue(inProcess);
        var options = Options(parse, local);
        var report = local
            ? await InProcessLoad.RunAsync(options, parse.GetValue(repository), parse.GetValue(maxConcurrency), parse.GetValue(threads), cancellationToken)
            : await LoadGenerator.RunAsync(options, cancellationToken);
        if (parse.GetValue(samplesCsv) is { } csv)
        {
            LoadgenSamplesCsv.Write(csv, report.Samples);
        }

        var output = parse.InvocationConfiguration.Output;
        if (parse.GetValue(json))
        {
            CliJson.Write(output, report);
        }
        else if (report.Arrivals == LoadgenArrivals.Poisson)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{report.Model} poisson K={report.Devices} R={report.RatePerDevicePerSecond:0.###}/s (offered {report.OfferedRatePerSecond:0.0}/s, "
                + $"sent {report.ArrivalRatePerSecond:0.0}/s): {report.ThroughputPerSecond:0.0} inf/s, delay mean {report.MeanSeconds * 1e3:0.0} ms, "
                + $"p50 {report.P50Seconds * 1e3:0.0} ms, p90 {report.P90Seconds * 1e3:0.0} ms, p99 {report.P99Seconds * 1e3:0.0} ms, "
                + $"count {report.Requests}, errors {report.Errors}, rejected {report.Rejected}, max in flight {report.MaxInFlight}, "
                + $"dispatch lag mean {report.MeanDispatchLagSeconds * 1e3:0.00} ms"));
        }
        else
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{report.Model} c={report.Concurrency}: {report.ThroughputPerSecond:0.0} inf/s, "
                + $"p50 {report.P50Seconds * 1e3:0.0} ms, p90 {report.P90Seconds * 1e3:0.0} ms, "
                + $"p99 {report.P99Seconds * 1e3:0.0} ms, status {string.Join(", ", report.ByStatus.Select(kv => kv.Key + ":" + kv.Value))}"));
        }

        return CliApp.Success;
    }

    private LoadgenOptions Options(ParseResult parse, bool local)
    {
        if (local == (parse.GetValue(edge) is not null))
        {
            throw new UsageException("Give exactly one of --edge URL and --in-process.");
        }

        Uri? edgeUri = null;
        if (!local && !Uri.TryCreate(parse.GetValue(edge), UriKind.Absolute, out edgeUri))
        {
            throw new UsageException($"--edge '{parse.GetValue(edge)}' is not an absolute URL.");
        }

        var arrivalsText = parse.GetValue(arrivals)!;
        var kind = arrivalsText.Trim().ToLowerInvariant() switch
        {
            "closed" => LoadgenArrivals.Closed,
            "poisson" => LoadgenArrivals.Poisson,
            _ => throw new UsageException($"--arrivals '{arrivalsText}' is not one of closed, poisson."),
        };
        if (kind == LoadgenArrivals.Closed && parse.GetValue(samplesCsv) is not null)
        {
            throw new UsageException("--samples-csv is for --arrivals poisson only.");
        }

        var options = new LoadgenOptions
        {
            Edge = edgeUri,
            Model = parse.GetValue(model)!,
            Arrivals = kind,
            Concurrency = parse.GetValue(concurrency) ?? 1,
            Devices = parse.GetValue(devices),
            RatePerDevicePerSecond = parse.GetValue(rate),
            Seed = parse.GetValue(seed),
            Requests = parse.GetValue(requests),
            Duration = parse.GetValue(duration) is { } d ? ParseDuration(d) : null,
            PruningFactor = parse.GetValue(pf),
            Method = parse.GetValue(method),
        };
        FlagProblems.ThrowIfAny(options.Problems(), ("concurrency", "--concurrency"), ("requests", "--requests"), ("duration", "--duration"),
            ("arrivals", "--arrivals"), ("devices", "--devices"), ("ratePerDevicePerSecond", "--rate"));
        return options;
    }
}
