using System.CommandLine;
using System.Globalization;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Core.Radio;
using EdgeInfer.Device.Execution;
using EdgeInfer.Device.Shaping;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Cli.Commands.Edge;

/// <summary>
/// <c>edgeinfer device</c>: the device client. Plans from the edge's status and catalog, the device profile and the
/// radio model, then executes the chosen (or named) strategy for real over a link shaped to the radio rates.
/// </summary>
internal sealed class DeviceCommand
{
    private readonly Option<bool> json = CommonOptions.Json();
    private readonly Option<string> edge = new("--edge") { Description = "Edge server URL, e.g. http://127.0.0.1:5080.", Required = true };
    private readonly Option<string> model = new("--model") { Description = "Model name at the edge.", Required = true };
    private readonly Option<int> requests = new("--requests") { Description = "Q: inference requests in the model lifetime.", DefaultValueFactory = _ => 10 };
    private readonly Option<string> strategy = new("--strategy")
    {
        Description = "auto (plan, then run the choice), all, or one of edge-full, edge-prepruned, edge-ondemand, "
            + "device-full, device-prepruned, device-ondemand.",
        DefaultValueFactory = _ => "auto",
    };

    private readonly Option<PruningFactor?> pf = PruningFlags.OptionalFactor(
        "The pruned strategies' variant (default 0.7 when the method prunes and --target-macs is not given)", aboveZero: true);
    private readonly Option<MacsBudget?> targetMacs = PruningFlags.TargetMacs();
    private readonly Option<string> method = PruningFlags.Kind("The pruned strategies (and the planner) use this kind of variant.");
    private readonly Option<string?> profile = new("--device-profile")
    {
        Description = "Profile JSON with device-role times (edgeinfer profile --role device).",
    };
    private readonly Option<string?> input = new("--input") { Description = "Input: JPEG/PNG (edge strategies) or raw float32 tensor .bin (all strategies)." };
    private readonly Option<bool> synthetic = new("--synthetic")
    {
        Description = "Use a deterministic synthetic tensor (the default when --input is not given).",
    };
    private readonly Option<bool> noShaping = new("--no-shaping") { Description = "Do not shape HTTP traffic to the radio rates (raw loopback)." };
    private readonly Option<string> prunedFormat = new("--pruned-format")
    {
        Description = "Format device strategies download pruned models in: wire (decoded on the device), onnx (dense) or sparse-onnx (COO).",
        DefaultValueFactory = _ => "wire",
    };

    private readonly Option<string?> cache = new("--cache") { Description = "Device model cache folder (default .edgeinfer/device-cache)." };
    private readonly Option<bool> paperOnly = new("--paper-terms-only")
    {
        Description = "Plan with the paper's Eqs. (1)-(6) only: do not probe the request, download and edge model-load overheads.",
    };

    private readonly Option<int> repeat = new("--repeat")
    {
        Description = "Run the strategies K times, each from a fresh device cache (and the edge's on-demand copy dropped); report per-strategy medians.",
        DefaultValueFactory = _ => 1,
    };

    private readonly Option<double> faultDrop = new("--fault-drop")
    {
        Description = "Link fault injection: probability in [0, 1) that an HTTP attempt's connection drops at a random byte of its body.",
    };

    private readonly Option<string?> faultStall = new("--fault-stall")
    {
        Description = "Link fault injection: P:MS, an HTTP attempt stalls MS milliseconds at a random byte with probability P (e.g. 0.1:500).",
    };

    private readonly Option<int> faultSeed = new("--fault-seed") { Description = "Seed of the injected link faults.", DefaultValueFactory = _ => 1 };

    private readonly Option<int> retries = new("--retries") { Description = "HTTP retries per request (timeouts, 5xx, 429).", DefaultValueFactory = _ => 3 };
    private readonly RadioFlags radio = new();
    private readonly AccuracyFlags accuracy = new();

    public static Command Create() => new DeviceCommand().Build();

    private Command Build()
    {
        var command = new Command(
            "device",
            "Run the device client against an edge server: decide (auto) or run a named strategy, measure it, and compare with the planner.");
        Option[] all =
        [
            edge, model, requests, strategy, pf, targetMacs, method, prunedFormat, profile, input, synthetic, noShaping, cache, retries, paperOnly,
            repeat, faultDrop, faultStall, faultSeed, json,
        ];
        foreach (var option in all)
        {
            command.Options.Add(option);
        }

        radio.AddTo(command);
        accuracy.AddTo(command);
        command.SetAction(RunAsync);
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var completed = new List<StrategyRun>();
        DeviceReport report;
        try
        {
            var request = Request(parse);
            report = await FlagProblems.NamingAsync(
                () => DeviceClient.RunAsync(request, line => Console.Error.WriteLine(line), completed, cancellationToken),
                ("input file", "--input"), ("synthetic tensor", "--synthetic"));
        }
        catch (Exception ex) when (parse.GetValue(json) && ExitCodes.Classify(ex) is { } code)
        {
            // --json promises one object on stdout, failures included: the error, the exit code and the runs that finished.
            CliJson.Write(output, new DeviceFailure(ExitCodes.Message(ex), code, ex.GetType().Name, completed));
            throw;
        }

        if (parse.GetValue(json))
        {
            CliJson.Write(output, report);
        }
        else
        {
            DeviceTable.Write(output, report);
        }

        return report.Errors == 0 ? CliApp.Success : CliApp.Failure;
    }

    /// <summary>The pruned strategies' variant from <c>--method</c>, <c>--pf</c> (default 0.7) and <c>--target-macs</c>.</summary>
    private ModelVariant Variant(ParseResult parse)
    {
        var (factor, budget, kind) = (parse.GetValue(pf), parse.GetValue(targetMacs), parse.GetValue(method)!);
        if (factor is null && budget is null && ModelVariant.TryParseKind(kind, out var pruning, out _) && pruning is not null)
        {
            factor = PruningFactor.Of(0.7);
        }

        return PruningFlags.Variant(parse.GetValue(model)!, kind, factor, budget);
    }

    private DeviceRunRequest Request(ParseResult parse)
    {
        if (parse.GetValue(synthetic) && parse.GetValue(input) is not null)
        {
            throw new UsageException("Give --input or --synthetic, not both.");
        }

        if (!Uri.TryCreate(parse.GetValue(edge), UriKind.Absolute, out var edgeUri))
        {
            throw new UsageException($"--edge '{parse.GetValue(edge)}' is not an absolute URL.");
        }

        var request = new DeviceRunRequest
        {
            Edge = edgeUri,
            Model = parse.GetValue(model)!,
            Requests = parse.GetValue(requests),
            Strategy = parse.GetValue(strategy)!,
            Variant = Variant(parse),
            PrunedFormat = parse.GetValue(prunedFormat)!,
            Radio = radio.ValidateAsFlags(radio.Apply(parse, RadioOptions.Default)),
            Shaping = !parse.GetValue(noShaping),
            DeviceProfile = parse.GetValue(profile),
            Input = parse.GetValue(input),
            CacheRoot = parse.GetValue(cache) ?? DeviceModelCache.DefaultRoot,
            MaxRetries = parse.GetValue(retries),
            Faults = Faults(parse),
            MeasureOverheads = !parse.GetValue(paperOnly),
            Repeat = parse.GetValue(repeat),
            MinTop1 = parse.GetValue(accuracy.MinTop1),
            MinTop5 = parse.GetValue(accuracy.MinTop5),
        };
        FlagProblems.ThrowIfAny(
            request.Problems(),
            ("requests", "--requests"), ("strategy", "--strategy"), ("pruningFactor", "--pf"), ("prunedFormat", "--pruned-format"), ("repeat", "--repeat"),
            ("deviceThreads", "--device-threads"), ("dropProbability", "--fault-drop"), ("stallProbability", "--fault-stall"),
            ("stallLength", "--fault-stall"));
        return request;
    }

    /// <summary>The link faults of <c>--fault-drop</c>, <c>--fault-stall P:MS</c> and <c>--fault-seed</c>.</summary>
    private LinkFaultOptions Faults(ParseResult parse)
    {
        var (stallProbability, stallMilliseconds) = (0.0, 500.0);
        if (parse.GetValue(faultStall) is { } stall)
        {
            var parts = stall.Split(':');
            if (parts.Length != 2
                || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out stallProbability)
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out stallMilliseconds)
                || !double.IsFinite(stallMilliseconds) || stallMilliseconds < 0)
            {
                throw new UsageException($"--fault-stall '{stall}' is not P:MS (a probability and a non-negative number of milliseconds, e.g. 0.1:500).");
            }
        }

        return new LinkFaultOptions
        {
            DropProbability = parse.GetValue(faultDrop),
            StallProbability = stallProbability,
            StallLength = new Seconds(stallMilliseconds / 1e3),
            Seed = parse.GetValue(faultSeed),
        };
    }
}
