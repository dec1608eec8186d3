using System.CommandLine;
using System.Globalization;
using EdgeInfer.Cli.Commands.Models;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Compression.Building;
using EdgeInfer.Models.Repository;
using EdgeInfer.Pruning.Variants;
using EdgeInfer.Runtime.Profiles;

namespace EdgeInfer.Cli.Commands.Profiles;

/// <summary>
/// <c>edgeinfer profile</c>: measures inference times at the device role and at the edge role under emulated load and
/// writes a profile (atomically, only once complete: Ctrl-C leaves no file and keeps an existing one). <c>profile merge</c> combines profiles.
/// </summary>
internal sealed class ProfileCommand
{
    private readonly Option<string> models = new("--models")
    {
        Description = "Comma-separated catalog models (mobilenet, densenet201, resnet152) or .onnx files.",
        DefaultValueFactory = _ => "mobilenet,densenet201,resnet152",
    };

    private readonly Option<string> role = new("--role") { Description = "device, edge or both.", DefaultValueFactory = _ => "both" };
    private readonly Option<string> loads = new("--loads")
    {
        Description = "Comma-separated edge loads (concurrent background inference tasks).",
        DefaultValueFactory = _ => "0,1,2,4,8,16",
    };

    private readonly Option<int> samples = new("--samples") { Description = "Timed runs per measurement (warm-up excluded).", DefaultValueFactory = _ => 20 };
    private readonly Option<int> warmup = new("--warmup")
    {
        Description = "Untimed runs after opening a session and after starting each load level.",
        DefaultValueFactory = _ => 3,
    };

    private readonly Option<string?> repository = ModelsCommand.RepositoryOption();
    private readonly Option<PruningFactor?> pf =
        PruningFlags.OptionalFactor("Also profile each catalog model's pruned variant at this factor", aboveZero: true);
    private readonly Option<MacsBudget?> targetMacs = PruningFlags.TargetMacs();
    private readonly Option<string> method = PruningFlags.Kind("With --pf or --target-macs (or int8 alone) each catalog model's variant is profiled too.");
    private readonly CalibrationFlags calibration = new();
    private readonly Option<int> pruneSamples = new("--prune-samples")
    {
        Description = "Timed prunings of the full model file per load level for pruned variants.",
        DefaultValueFactory = _ => 3,
    };

    private readonly Option<int> setupSamples = new("--setup-samples")
    {
        Description = "Device role: timed session opens of each variant and wire decodes of pruned ones (0: not measured).",
        DefaultValueFactory = _ => 0,
    };

    private readonly Option<string?> loadModel = new("--load-model")
    {
        Description = "Model the background tasks run (catalog name or .onnx file); default: the measured model itself.",
    };

    private readonly Option<int?> deviceThreads = new("--device-threads") { Description = "Intra-op threads at the device role (default 1)." };
    private readonly Option<int?> edgeThreads = new("--edge-threads") { Description = "Intra-op threads at the edge role (default: all cores)." };
    private readonly Option<string> spin = new("--spin")
    {
        Description = "Whether idle ORT intra-op threads spin: on (ORT's default) or off.",
        DefaultValueFactory = _ => "on",
    };

    private readonly Option<string> output = new("--output", "-o") { Description = "Profile file to write.", Required = true };
    private readonly Option<bool> json = CommonOptions.Json();

    public static Command Create() => new ProfileCommand().Build();

    internal static IReadOnlyList<string> SplitList(string value, string option)
    {
        var items = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return items.Length > 0 ? items : throw new UsageException($"{option} '{value}' is empty; give a comma-separated list.");
    }

    private Command Build()
    {
        var command = new Command("profile", "Measure inference times (device role, edge role under load) into a profile file.");
        Option[] all =
        [
            models, role, loads, samples, warmup, repository, pf, targetMacs, method, pruneSamples, setupSamples, loadModel, deviceThreads, edgeThreads, spin,
            output, json,
        ];
        foreach (var option in all)
        {
            command.Options.Add(option);
        }

        calibration.AddTo(command);
        command.Subcommands.Add(ProfileMergeCommand.Create());
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(parse, cancellationToken)));
        return command;
    }

    private int Run(ParseResult parse, CancellationToken cancellationToken)
    {
        using var progress = new ProfileProgressWriter(parse.InvocationConfiguration.Error, ProgressModes.For(parse.InvocationConfiguration.Error));
        var options = Options(parse);
        var variant = Variant(parse);
        var build = new VariantBuildOptions { Calibration = calibration.Provider(parse) };
        var repo = ModelRepository.Open(parse.GetValue(repository));
        var targets = ProfileTargets.Resolve(SplitList(parse.GetValue(models)!, "--models"), repo, variant, build, progress.Log);
        if (parse.GetValue(loadModel) is { } load)
        {
            options = options with { LoadModelPath = ProfileTargets.Resolve([load], repo, null, build, progress.Log)[0].ModelPath };
        }

        var pruner = variant is null ? null : ProfileTargets.Pruner(variant, build);
        var path = parse.GetValue(output)!;
        var profile = ProfileRunner.RunToFile(new Profiler(options, pruner), targets, path, progress.Report, cancellationToken);
        progress.Dispose();
        var stdout = parse.InvocationConfiguration.Output;
        if (parse.GetValue(json))
        {
            CliJson.Write(stdout, new { output = Path.GetFullPath(path), profile });
        }
        else
        {
            ProfileTable.Write(stdout, profile);
            stdout.WriteLine($"profile written to {Path.GetFullPath(path)}");
        }

        return CliApp.Success;
    }

    /// <summary>The variant kind and amount to profile besides the full models (named for no model), or null for the full models only.</summary>
    private ModelVariant? Variant(ParseResult parse)
    {
        var (factor, budget, kind) = (parse.GetValue(pf), parse.GetValue(targetMacs), parse.GetValue(method)!);
        var quantizesOnly = ModelVariant.TryParseKind(kind, out var pruning, out var precision) && pruning is null && precision == Precision.Int8;
        return factor is null && budget is null && !quantizesOnly ? null : PruningFlags.Variant("model", kind, factor, budget);
    }

    private ProfilerOptions Options(ParseResult parse)
    {
        var (device, edge) = ParseRole(parse.GetValue(role)!);
        var options = new ProfilerOptions
        {
            MeasureDevice = device,
            MeasureEdge = edge,
            Loads = ParseLoads(parse.GetValue(loads)!),
            Samples = parse.GetValue(samples),
            WarmupRuns = parse.GetValue(warmup),
            DeviceThreads = parse.GetValue(deviceThreads),
            EdgeThreads = parse.GetValue(edgeThreads),
            PruneSamples = parse.GetValue(pruneSamples),
            SetupSamples = parse.GetValue(setupSamples),
            AllowSpinning = parse.GetValue(spin)!.ToLowerInvariant() switch
            {
                "on" => true,
                "off" => false,
                var other => throw new UsageException($"--spin '{other}' is not one of on, off."),
            },
        };
        options.Validated();
        return options;
    }

    private static (bool Device, bool Edge) ParseRole(string role) => role.ToLowerInvariant() switch
    {
        "device" => (true, false),
        "edge" => (false, true),
        "both" => (true, true),
        _ => throw new UsageException($"--role '{role}' is not one of device, edge, both."),
    };

    private static int[] ParseLoads(string value) => SplitList(value, "--loads")
        .Select(item => int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var load)
            ? load
            : throw new UsageException($"--loads item '{item}' is not a whole number ≥ 0."))
        .ToArray();
}
