using System.CommandLine;
using System.Globalization;
using EdgeInfer.Cli.Commands.Profiles;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Core;
using EdgeInfer.Models.Repository;
using EdgeInfer.Runtime.Profiles;

namespace EdgeInfer.Cli.Commands;

/// <summary>
/// <c>edgeinfer profile</c>: measures inference times at the device role and at the edge role under emulated load and
/// writes a profile (atomically, only once complete: Ctrl-C leaves no file and keeps an existing one). <c>profile merge</c> combines profiles.
/// </summary>
internal static class ProfileCommand
{
    public static Command Create()
    {
        var models = new Option<string>("--models") { Description = "Comma-separated catalog models (mobilenet, densenet201, resnet152) or .onnx files.", DefaultValueFactory = _ => "mobilenet,densenet201,resnet152" };
        var role = new Option<string>("--role") { Description = "device, edge or both.", DefaultValueFactory = _ => "both" };
        var loads = new Option<string>("--loads") { Description = "Comma-separated edge loads (concurrent background inference tasks).", DefaultValueFactory = _ => "0,1,2,4,8,16" };
        var samples = new Option<int>("--samples") { Description = "Timed runs per measurement (warm-up excluded).", DefaultValueFactory = _ => 20 };
        var warmup = new Option<int>("--warmup") { Description = "Untimed runs after opening a session and after starting each load level.", DefaultValueFactory = _ => 3 };
        var repository = ModelsCommand.RepositoryOption();
        var pf = new Option<double?>("--pf") { Description = "Also profile the pruned variant at this pruning factor in [0, 0.99]." };
        var method = new Option<string>("--method") { Description = "Pruning method of the pruned variant: global, layer or channel.", DefaultValueFactory = _ => "global" };
        var pruneSamples = new Option<int>("--prune-samples") { Description = "Timed prunings of the full model file per load level for pruned variants.", DefaultValueFactory = _ => 3 };
        var setupSamples = new Option<int>("--setup-samples") { Description = "Device role: timed session opens of each variant and wire decodes of pruned ones (0: not measured).", DefaultValueFactory = _ => 0 };
        var loadModel = new Option<string?>("--load-model") { Description = "Model the background tasks run (catalog name or .onnx file); default: the measured model itself." };
        var deviceThreads = new Option<int?>("--device-threads") { Description = "Intra-op threads at the device role (default 1)." };
        var edgeThreads = new Option<int?>("--edge-threads") { Description = "Intra-op threads at the edge role (default: all cores)." };
        var spin = new Option<string>("--spin") { Description = "Whether idle ORT intra-op threads spin: on (ORT's default) or off.", DefaultValueFactory = _ => "on" };
        var output = new Option<string>("--output", "-o") { Description = "Profile file to write.", Required = true };
        var json = CommonOptions.Json();

        var command = new Command("profile", "Measure inference times (device role, edge role under load) into a profile file.");
        foreach (var option in new Option[] { models, role, loads, samples, warmup, repository, pf, method, pruneSamples, setupSamples, loadModel, deviceThreads, edgeThreads, spin, output, json })
        {
            command.Options.Add(option);
        }

        command.Subcommands.Add(ProfileMergeCommand.Create());
        command.SetAction((parse, cancellationToken) =>
        {
            var progress = new ProfileProgressWriter(parse.InvocationConfiguration.Error, Console.IsErrorRedirected);
            var (device, edge) = ParseRole(parse.GetValue(role)!);
            var pruningFactor = parse.GetValue(pf);
            var pruningMethod = ProfilePruning.ParseMethod(parse.GetValue(method)!);
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
            if (pruningFactor is { } f && (!double.IsFinite(f) || f < 0 || f > 0.99))
            {
                throw new EdgeInferInputException($"--pf {f} is outside [0, 0.99].");
            }

            var repo = ModelRepository.Open(parse.GetValue(repository));
            var names = SplitList(parse.GetValue(models)!, "--models");
            var targets = ProfileTargets.Resolve(names, repo, pruningFactor, pruningMethod, progress.Log);
            if (parse.GetValue(loadModel) is { } load)
            {
                options = options with { LoadModelPath = ProfileTargets.Resolve([load], repo, null, pruningMethod, progress.Log)[0].ModelPath };
            }

            var pruner = pruningFactor is { } factor ? ProfilePruning.FilePruner(pruningMethod, factor) : null;
            var path = parse.GetValue(output)!;
            var profile = ProfileRunner.RunToFile(new Profiler(options, pruner), targets, path, progress.Report, cancellationToken);
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

            return Task.FromResult(CliApp.Success);
        });
        return command;
    }

    internal static IReadOnlyList<string> SplitList(string value, string option)
    {
        var items = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return items.Length > 0 ? items : throw new UsageException($"{option} '{value}' is empty; give a comma-separated list.");
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
