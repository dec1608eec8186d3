using System.CommandLine;
using EdgeInfer.Cli.Commands.Models;
using EdgeInfer.Cli.Infrastructure;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Edge.Hosting;
using EdgeInfer.Edge.Security;
using EdgeInfer.Models.Catalog;
using EdgeInfer.Models.Repository;

namespace EdgeInfer.Cli.Commands.Edge;

/// <summary>
/// <c>edgeinfer serve</c>: the edge server on Kestrel until Ctrl-C / SIGTERM, then a graceful drain and one JSON summary.
/// </summary>
internal sealed class ServeCommand
{
    private readonly Option<bool> json = CommonOptions.Json();
    private readonly CalibrationFlags calibration = new();
    private readonly ServeResourceFlags resources = new();
    private readonly ServeSecurityFlags security = new();
    private readonly ServeConnectionFlags connections = new();
    private readonly Option<string> urls = new("--urls")
    {
        Description = "Semicolon-separated URLs to listen on (port 0: a free port).",
        DefaultValueFactory = _ => "http://127.0.0.1:5080",
    };

    private readonly Option<string?> repository = ModelsCommand.RepositoryOption();
    private readonly Option<int> maxConcurrency = new("--max-concurrency")
    {
        Description = "Inferences running at once.",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };
    private readonly Option<int> queueLimit = new("--queue-limit")
    {
        Description = "Inference requests that may wait; beyond them 429.",
        DefaultValueFactory = _ => 64,
    };
    private readonly Option<int?> threads = new("--intra-op-threads")
    {
        Description = "Intra-op threads per inference session (default cores / max concurrency).",
    };
    private readonly Option<int> load = new("--background-load")
    {
        Description = "L continuous background inference tasks inside the server (the paper's edge load).",
        DefaultValueFactory = _ => 0,
    };

    private readonly Option<string?> loadModel = new("--background-load-model")
    {
        Description = "Model the background tasks run (default mobilenet, else the first).",
    };
    private readonly Option<string?> build = new("--build")
    {
        Description = "Comma-separated catalog models to build into the repository first when missing (e.g. mobilenet,resnet152).",
    };

    private readonly Option<double> maxBody = new("--max-body-mb") { Description = "Largest request body in MB (10^6 B).", DefaultValueFactory = _ => 16 };
    private readonly Option<double> timeout = new("--request-timeout")
    {
        Description = "Seconds a request may wait for an inference slot before 503.",
        DefaultValueFactory = _ => 30,
    };

    private readonly Option<double> cache = new("--cache-limit-mb")
    {
        Description = "Size bound of the on-demand pruning cache in MB (10^6 B).",
        DefaultValueFactory = _ => 4000,
    };
    private readonly Option<bool> noWarmup = new("--no-warmup")
    {
        Description = "Report ready at once, without the start-up prune calibration and first calls (devices then meet cold code and plan T_pr from a guess).",
    };

    public static Command Create() => new ServeCommand().Build();

    private Command Build()
    {
        var command = new Command(
            "serve", "Run the edge server: inference, model downloads (any variant built on demand), status, health and Prometheus metrics.");
        Option[] all =
        [
            urls, repository, maxConcurrency, queueLimit, threads, load, loadModel, build, maxBody, timeout, cache, noWarmup, json,
        ];
        foreach (var option in all)
        {
            command.Options.Add(option);
        }

        calibration.AddTo(command);
        resources.AddTo(command);
        security.AddTo(command);
        connections.AddTo(command);
        command.SetAction(RunAsync);
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var options = FlagProblems.Naming(() => Options(parse), Flags);
        if (parse.GetValue(build) is { } names)
        {
            var repo = ModelRepository.Open(options.Repository);
            foreach (var name in names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Console.Error.WriteLine($"building {name} into {repo.Root} when missing");
                repo.GetOrBuild(name);
            }
        }

        // The edge builds channel-ls and int8 variants on demand with these images, read when the first such request comes.
        await using var app = EdgeServer.Build(options, calibration: calibration.Provider(parse));
        await FlagProblems.NamingAsync(() => app.StartAsync(cancellationToken), ("background load", "--background-load"));
        var started = DateTimeOffset.UtcNow;
        Console.Error.WriteLine($"edge server listening on {string.Join(", ", app.Urls)} (Ctrl-C to drain and stop)"
            + (options.Warmup ? "; warming up, /readyz is 503 until done" : ""));
        Console.Error.WriteLine(Access(options));
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
    }

    private EdgeServerOptions Options(ParseResult parse) => new EdgeServerOptions
    {
        Urls = parse.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        Repository = parse.GetValue(repository),
        MaxConcurrency = parse.GetValue(maxConcurrency),
        QueueLimit = parse.GetValue(queueLimit),
        IntraOpThreads = parse.GetValue(threads),
        BackgroundLoad = parse.GetValue(load),
        BackgroundLoadModel = parse.GetValue(loadModel),
        MaxRequestBody = Quantity(parse, maxBody, v => new Bytes((long)(v * 1e6))),
        RequestTimeout = Quantity(parse, timeout, v => new Seconds(v)),
        CacheLimit = Quantity(parse, cache, v => new Bytes((long)(v * 1e6))),
        Warmup = !parse.GetValue(noWarmup),
        Resources = resources.Limits(parse),
        ApiKeys = security.Keys(parse),
        AllowAnonymous = security.AllowAnonymous(parse),
        RateLimit = security.RateLimit(parse),
        Tls = security.Tls(parse),
        Connections = connections.Limits(parse),
    }.Validated();

    /// <summary>One line on who may use the server (keys by role, anonymous access, rate limit, connection cap, TLS); never a secret.</summary>
    private static string Access(EdgeServerOptions options)
    {
        var admins = options.ApiKeys.Count(k => k.Role == ApiKeyRole.Admin);
        var keys = options.ApiKeys.Count == 0
            ? "no API keys (admin endpoints and /metrics: loopback clients only)"
            : $"{options.ApiKeys.Count} API keys ({admins} admin, {options.ApiKeys.Count - admins} device)";
        var anonymous = options.ApiKeys.Count == 0 || options.AllowAnonymous
            ? "anonymous inference and downloads allowed"
            : "every request but health needs a key";
        var rate = options.RateLimit.Enabled
            ? $"{options.RateLimit.RequestsPerSecond} requests/s per client (burst {options.RateLimit.Burst})"
            : "no rate limit";
        return $"access: {keys}; {anonymous}; {rate}; at most {options.Connections.EffectiveMaxConnections} connections"
            + (options.Tls is null ? "" : "; TLS " + options.Tls.CertificatePath);
    }

    /// <summary>Option fields as the validation names them → their flags.</summary>
    private static readonly (string Field, string Flag)[] Flags =
    [
        ("max connections", "--max-connections"),
        ("keep-alive timeout", "--keep-alive-timeout"),
        ("request headers timeout", "--request-headers-timeout"),
        ("min request body rate", "--min-request-body-rate"),
        ("min response rate", "--min-response-rate"),
        ("min data rate grace period", "--min-data-rate-grace"),
        ("rate limit", "--rate-limit"),
        ("rate-limit burst", "--rate-limit-burst"),
    ];

    /// <summary>The quantity of a flag's value; a value no quantity takes (negative, not finite) is the user's, named by its flag.</summary>
    private static T Quantity<T>(ParseResult parse, Option<double> option, Func<double, T> create)
    {
        var value = parse.GetValue(option);
        try
        {
            return create(value);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new UsageException(FormattableString.Invariant($"{option.Name} {value} must be a finite, non-negative number."));
        }
    }
}
