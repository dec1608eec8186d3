using System.CommandLine;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Core.Radio;
using EdgeInfer.Device.Execution;

namespace EdgeInfer.Cli.Commands;

/// <summary>
/// <c>edgeinfer device</c>: the device client. Plans from the edge's status and catalog, the device profile and the
/// radio model, then executes the chosen (or named) strategy for real over a link shaped to the radio rates.
/// </summary>
internal static class DeviceCommand
{
    public static Command Create()
    {
        var command = new Command("device", "Run the device client against an edge server: decide (auto) or run a named strategy, measure it, and compare with the planner.");
        var json = CommonOptions.Json();
        var edge = new Option<string>("--edge") { Description = "Edge server URL, e.g. http://127.0.0.1:5080.", Required = true };
        var model = new Option<string>("--model") { Description = "Model name at the edge.", Required = true };
        var requests = new Option<int>("--requests") { Description = "Q: inference requests in the model lifetime.", DefaultValueFactory = _ => 10 };
        var strategy = new Option<string>("--strategy") { Description = "auto (plan, then run the choice), all, or one of edge-full, edge-prepruned, edge-ondemand, device-full, device-prepruned, device-ondemand.", DefaultValueFactory = _ => "auto" };
        var pf = new Option<double>("--pf") { Description = "Pruning factor of the pruned strategies, (0, 0.99].", DefaultValueFactory = _ => 0.7 };
        var method = new Option<string>("--method") { Description = "Pruning method: global, layer or channel.", DefaultValueFactory = _ => "global" };
        var profile = new Option<string?>("--device-profile") { Description = "Profile JSON with device-role times (edgeinfer profile --role device)." };
        var input = new Option<string?>("--input") { Description = "Input: JPEG/PNG (edge strategies) or raw float32 tensor .bin (all strategies)." };
        var synthetic = new Option<bool>("--synthetic") { Description = "Use a deterministic synthetic tensor (the default when --input is not given)." };
        var noShaping = new Option<bool>("--no-shaping") { Description = "Do not shape HTTP traffic to the radio rates (raw loopback)." };
        var prunedFormat = new Option<string>("--pruned-format") { Description = "Format device strategies download pruned models in: wire (decoded on the device), onnx (dense) or sparse-onnx (COO).", DefaultValueFactory = _ => "wire" };
        var cache = new Option<string?>("--cache") { Description = "Device model cache folder (default .edgeinfer/device-cache)." };
        var paperOnly = new Option<bool>("--paper-terms-only") { Description = "Plan with the paper's Eqs. (1)-(6) only: do not probe the request, download and edge model-load overheads." };
        var repeat = new Option<int>("--repeat") { Description = "Run the strategies K times, each from a fresh device cache (and the edge's on-demand copy dropped); report per-strategy medians.", DefaultValueFactory = _ => 1 };
        var retries = new Option<int>("--retries") { Description = "HTTP retries per request (timeouts, 5xx, 429).", DefaultValueFactory = _ => 3 };
        var radio = new RadioFlags();
        foreach (var option in new Option[] { edge, model, requests, strategy, pf, method, prunedFormat, profile, input, synthetic, noShaping, cache, retries, paperOnly, repeat, json })
        {
            command.Options.Add(option);
        }

        radio.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
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
                PruningFactor = parse.GetValue(pf),
                Method = parse.GetValue(method)!,
                PrunedFormat = parse.GetValue(prunedFormat)!,
                Radio = radio.ValidateAsFlags(radio.Apply(parse, RadioOptions.Default)),
                Shaping = !parse.GetValue(noShaping),
                DeviceProfile = parse.GetValue(profile),
                Input = parse.GetValue(input),
                CacheRoot = parse.GetValue(cache) ?? DeviceModelCache.DefaultRoot,
                MaxRetries = parse.GetValue(retries),
                MeasureOverheads = !parse.GetValue(paperOnly),
                Repeat = parse.GetValue(repeat),
            };
            var report = await DeviceClient.RunAsync(request, line => Console.Error.WriteLine(line), cancellationToken);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                CliJson.Write(output, report);
            }
            else
            {
                DeviceTable.Write(output, report);
            }

            return report.Errors == 0 ? CliApp.Success : CliApp.Failure;
        });
        return command;
    }
}
