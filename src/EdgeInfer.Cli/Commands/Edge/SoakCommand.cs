using System.CommandLine;
using System.Globalization;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Device.Loadgen;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Cli.Commands.Edge;

/// <summary>
/// <c>edgeinfer soak</c>: open-loop Poisson arrivals with a realistic mix (inference, ranged downloads, on-demand prunes,
/// malformed requests) for a long time while the server's RSS and queue are sampled; with <c>--capacity</c>, the overload
/// test (tensor inferences only, goodput and rejections). Writes the report, the windows, the samples and a figure of RSS
/// and p50/p99 over time into <c>--out</c>, prints the verdicts, and exits 1 when one fails.
/// </summary>
internal sealed class SoakCommand
{
    private readonly Option<bool> json = CommonOptions.Json();
    private readonly Option<string> edge = new("--edge") { Description = "Edge server URL.", Required = true };
    private readonly Option<string> model = new("--model") { Description = "Model name at the edge.", DefaultValueFactory = _ => "mobilenet" };
    private readonly Option<double> rate = new("--rate") { Description = "Total arrival rate, requests per second (Poisson).", Required = true };
    private readonly Option<string> duration = new("--duration") { Description = "How long requests arrive, e.g. 30m, 120s.", Required = true };
    private readonly Option<string> window = new("--window")
    {
        Description = "Length of one summary window (RSS, p50, p99), e.g. 30s.",
        DefaultValueFactory = _ => "30s",
    };

    private readonly Option<string> warmup = new("--warmup")
    {
        Description = "Time excluded from the RSS-drift and p99-flatness verdicts, e.g. 5m.",
        DefaultValueFactory = _ => "5m",
    };

    private readonly Option<int?> serverPid = new("--server-pid") { Description = "The server's process id on this machine (RSS from /proc/PID/status)." };
    private readonly Option<string> mix = new("--mix")
    {
        Description = "realistic: 60 % tensor and 15 % image inferences, 12 % ranged downloads, 6 % prunes, 2 % cache deletions, 5 % malformed; "
            + "inference: tensor inferences only.",
        DefaultValueFactory = _ => "realistic",
    };

    private readonly Option<string> pruneGrid = new("--prune-grid")
    {
        Description = "Comma-separated pfs (above 0) the prunes and cache deletions pick from.",
        DefaultValueFactory = _ => "0.25,0.5,0.75",
    };

    private readonly Option<double?> capacity = new("--capacity")
    {
        Description = "Overload test: the measured capacity, inferences per second; the verdicts become goodput, rejections and queue.",
    };

    private readonly Option<int> seed = new("--seed") { Description = "Seed of the arrivals and the kinds.", DefaultValueFactory = _ => 42 };
    private readonly Option<string> output = new("--out") { Description = "Folder for the report, the CSVs and the figure.", Required = true };
    private readonly Option<string?> name = new("--name") { Description = "Base name of the files (default soak, or overload with --capacity)." };

    public static Command Create() => new SoakCommand().Build();

    private Command Build()
    {
        var command = new Command("soak", "Hold an edge server under open-loop load for a long time with a realistic mix of requests (or, with --capacity, "
            + "overload it with inferences); sample its RSS and queue; write a figure of RSS and p50/p99 over time and print the verdicts "
            + "(RSS drift, 5xx, malformed → 4xx, p99 flat; or goodput, rejection latency, Retry-After, queue bound). Exit 1 when a verdict fails.");
        Option[] all = [edge, model, rate, duration, window, warmup, serverPid, mix, pruneGrid, capacity, seed, output, name, json];
        foreach (var option in all)
        {
            command.Options.Add(option);
        }

        command.SetAction(RunAsync);
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var options = Options(parse);
        using var progress = parse.GetValue(json) ? null : new StderrProgress(parse);
        var report = await SoakRunner.RunAsync(options, SoakImages.Create(), progress, cancellationToken);
        var baseName = parse.GetValue(name) ?? (options.CapacityPerSecond is null ? "soak" : "overload");
        var folder = parse.GetValue(output)!;
        var files = SoakFiles.Write(report, folder, baseName);
        var stdout = parse.InvocationConfiguration.Output;
        if (parse.GetValue(json))
        {
            CliJson.Write(stdout, report);
        }
        else
        {
            foreach (var (kind, statuses) in report.ByKind)
            {
                stdout.WriteLine($"{kind,-17} {statuses.Values.Sum(),7}  " + string.Join(", ", statuses.Select(kv => kv.Key + ":" + kv.Value)));
            }

            var histogram = string.Join(", ", report.ByStatus.Select(kv => kv.Key + ":" + kv.Value));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{report.Requests} requests at {report.RatePerSecond:0.0}/s for {report.DurationSeconds:0} s; status {histogram}; inference p50 "
                + $"{report.InferenceP50Seconds * 1e3:0.0} ms, p99 {report.InferenceP99Seconds * 1e3:0.0} ms; goodput {report.GoodputPerSecond:0.0} inf/s"));
            foreach (var check in report.Checks)
            {
                stdout.WriteLine($"{(check.Passed ? "PASS" : "FAIL")}  {check.Name}: {check.Detail}");
            }

            stdout.WriteLine($"wrote {files}");
        }

        return report.Passed ? CliApp.Success : CliApp.Failure;
    }

    private SoakOptions Options(ParseResult parse)
    {
        var edgeText = parse.GetValue(edge);
        if (!Uri.TryCreate(edgeText, UriKind.Absolute, out var edgeUri))
        {
            throw new UsageException($"--edge '{edgeText}' is not an absolute URL.");
        }

        var mixText = parse.GetValue(mix)!;
        var soakMix = mixText.Trim().ToLowerInvariant() switch
        {
            "realistic" => SoakMix.Realistic,
            "inference" => SoakMix.InferenceOnly,
            _ => throw new UsageException($"--mix '{mixText}' is not one of realistic, inference."),
        };
        var grid = new List<PruningFactor>();
        foreach (var text in parse.GetValue(pruneGrid)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            grid.Add(PruningFactor.TryParse(text, out var pf) ? pf : throw new UsageException("--prune-grid: " + PruningFactor.ParseProblem(text)));
        }

        var options = new SoakOptions
        {
            Edge = edgeUri,
            Model = parse.GetValue(model)!,
            RatePerSecond = parse.GetValue(rate),
            Duration = LoadgenCommand.ParseDuration(parse.GetValue(duration)!),
            Window = LoadgenCommand.ParseDuration(parse.GetValue(window)!),
            Warmup = parse.GetValue(warmup) is "0" or "0s" ? TimeSpan.Zero : LoadgenCommand.ParseDuration(parse.GetValue(warmup)!),
            ServerPid = parse.GetValue(serverPid),
            Mix = soakMix,
            PruneGrid = grid,
            CapacityPerSecond = parse.GetValue(capacity),
            Seed = parse.GetValue(seed),
        };
        FlagProblems.ThrowIfAny(options.Problems(), ("ratePerSecond", "--rate"), ("duration", "--duration"), ("window", "--window"),
            ("warmup", "--warmup"), ("serverPid", "--server-pid"), ("pruneGrid", "--prune-grid"), ("capacityPerSecond", "--capacity"), ("mix", "--mix"));
        return options;
    }
}
