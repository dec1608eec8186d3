using System.CommandLine;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Edge.Hosting;
using EdgeInfer.Models.Catalog;
using EdgeInfer.Models.Repository;

namespace EdgeInfer.Cli.Commands;

/// <summary>
/// <c>edgeinfer serve</c>: the edge server on Kestrel until Ctrl-C / SIGTERM, then a graceful drain and one JSON summary.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the edge server: inference, model downloads (pruned on demand), status, health and Prometheus metrics.");
        var json = CommonOptions.Json();
        var urls = new Option<string>("--urls") { Description = "Semicolon-separated URLs to listen on (port 0: a free port).", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var repository = ModelsCommand.RepositoryOption();
        var maxConcurrency = new Option<int>("--max-concurrency") { Description = "Inferences running at once.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var queueLimit = new Option<int>("--queue-limit") { Description = "Inference requests that may wait; beyond them 429.", DefaultValueFactory = _ => 64 };
        var threads = new Option<int?>("--intra-op-threads") { Description = "Intra-op threads per inference session (default cores / max concurrency)." };
        var load = new Option<int>("--background-load") { Description = "L continuous background inference tasks inside the server (the paper's edge load).", DefaultValueFactory = _ => 0 };
        var loadModel = new Option<string?>("--background-load-model") { Description = "Model the background tasks run (default mobilenet, else the first)." };
        var build = new Option<string?>("--build") { Description = "Comma-separated catalog models to build into the repository first when missing (e.g. mobilenet,resnet152)." };
        var maxBody = new Option<double>("--max-body-mb") { Description = "Largest request body in MB (10^6 B).", DefaultValueFactory = _ => 16 };
        var timeout = new Option<double>("--request-timeout") { Description = "Seconds a request may wait for an inference slot before 503.", DefaultValueFactory = _ => 30 };
        var cache = new Option<double>("--cache-limit-mb") { Description = "Size bound of the on-demand pruning cache in MB (10^6 B).", DefaultValueFactory = _ => 4000 };
        var noWarmup = new Option<bool>("--no-warmup") { Description = "Report ready at once, without the start-up prune calibration and first calls (devices then meet cold code and plan T_pr from a guess)." };
        foreach (var option in new Option[] { urls, repository, maxConcurrency, queueLimit, threads, load, loadModel, build, maxBody, timeout, cache, noWarmup, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new EdgeServerOptions
            {
                Urls = parse.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Repository = parse.GetValue(repository),
                MaxConcurrency = parse.GetValue(maxConcurrency),
                QueueLimit = parse.GetValue(queueLimit),
                IntraOpThreads = parse.GetValue(threads),
                BackgroundLoad = parse.GetValue(load),
                BackgroundLoadModel = parse.GetValue(loadModel),
                MaxRequestBody = new Bytes((long)(parse.GetValue(maxBody) * 1e6)),
                RequestTimeout = new Seconds(parse.GetValue(timeout)),
                CacheLimit = new Bytes((long)(parse.GetValue(cache) * 1e6)),
                Warmup = !parse.GetValue(noWarmup),
            }.Validated();
            if (parse.GetValue(build) is { } names)
            {
                var repo = ModelRepository.Open(options.Repository);
                foreach (var name in names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    Console.Error.WriteLine($"building {name} into {repo.Root} when missing");
                    repo.GetOrBuild(name);
                }
            }

            await using var app = EdgeServer.Build(options);
            await app.StartAsync(cancellationToken);
            var started = DateTimeOffset.UtcNow;
            Console.Error.WriteLine($"edge server listening on {string.Join(", ", app.Urls)} (Ctrl-C to drain and stop)" + (options.Warmup ? "; warming up, /readyz is 503 until done" : ""));
            // Ctrl-C / SIGTERM reach either the command line (the token) or the host's console lifetime (ApplicationStopping).
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, app.Lifetime.ApplicationStopping);
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }

            Console.Error.WriteLine("draining in-flight requests");
            var status = EdgeServerSummary.Status(app);
            await app.StopAsync(CancellationToken.None);
            var summary = new { urls = app.Urls.ToArray(), uptimeSeconds = (DateTimeOffset.UtcNow - started).TotalSeconds, status };
            CliJson.Write(parse.InvocationConfiguration.Output, summary);
            return CliApp.Success;
        });
        return command;
    }
}
