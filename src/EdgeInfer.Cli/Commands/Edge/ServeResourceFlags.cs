using System.CommandLine;
using EdgeInfer.Edge.Hosting;

namespace EdgeInfer.Cli.Commands.Edge;

/// <summary>
/// The flags of <c>serve</c> that bound what one client can make the edge spend (<see cref="EdgeResourceLimits"/>):
/// image pixels, on-demand builds.
/// </summary>
internal sealed class ServeResourceFlags
{
    // ---- image and inference input limits ----
    private readonly Option<long> maxImagePixels = new("--max-image-pixels")
    {
        Description = "Largest image (width x height, read from its header before decoding) an inference accepts.",
        DefaultValueFactory = _ => new EdgeResourceLimits().MaxImagePixels,
    };

    // ---- on-demand build limits ----
    private readonly Option<int> maxBuilds = new("--max-concurrent-builds")
    {
        Description = "On-demand builds (prunes, quantizations, encodings) that run at once.",
        DefaultValueFactory = _ => new EdgeBuildLimits().MaxConcurrentBuilds,
    };

    private readonly Option<int> maxQueuedBuilds = new("--max-queued-builds")
    {
        Description = "On-demand builds that may wait for a slot; beyond it a request that needs a build gets 503 with Retry-After.",
        DefaultValueFactory = _ => new EdgeBuildLimits().MaxQueuedBuilds,
    };

    private readonly Option<double> buildMemory = new("--build-memory-mb")
    {
        Description = "Memory budget of the builds that run at once, in MB (10^6 B; each build estimated at 4x its source model's size); "
            + "0: a quarter of the memory available.",
        DefaultValueFactory = _ => 0,
    };

    private readonly Option<string> pruneGrid = new("--prune-grid")
    {
        Description = "Pruning factors the edge prunes on demand: start:stop:step (both ends included) or a list 0.3,0.5,0.7; "
            + "other pf values are a 400 unless the variant is already built.",
        DefaultValueFactory = _ => new EdgeBuildLimits().PruneGrid.Text,
    };

    private readonly Option<string> macsGrid = new("--macs-grid")
    {
        Description = "MACs budgets the edge builds on demand, written like --prune-grid.",
        DefaultValueFactory = _ => new EdgeBuildLimits().MacsGrid.Text,
    };

    private readonly Option<int> buildsPerClient = new("--builds-per-client")
    {
        Description = "On-demand builds one client (API key or address) may start per --build-window; beyond it 429 (cache hits never count).",
        DefaultValueFactory = _ => new EdgeBuildLimits().BuildsPerClient,
    };

    private readonly Option<double> buildWindow = new("--build-window")
    {
        Description = "Length in seconds of the per-client build window.",
        DefaultValueFactory = _ => new EdgeBuildLimits().BuildWindowSeconds,
    };

    /// <summary>Adds the flags to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        // ---- image and inference input limits ----
        command.Options.Add(maxImagePixels);

        // ---- on-demand build limits ----
        command.Options.Add(maxBuilds);
        command.Options.Add(maxQueuedBuilds);
        command.Options.Add(buildMemory);
        command.Options.Add(pruneGrid);
        command.Options.Add(macsGrid);
        command.Options.Add(buildsPerClient);
        command.Options.Add(buildWindow);
    }

    /// <summary>The limits the flags set.</summary>
    public EdgeResourceLimits Limits(ParseResult parse) => new()
    {
        // ---- image and inference input limits ----
        MaxImagePixels = parse.GetValue(maxImagePixels),

        // ---- on-demand build limits ----
        Builds = BuildLimits(parse),
    };

    private EdgeBuildLimits BuildLimits(ParseResult parse) => new()
    {
        MaxConcurrentBuilds = parse.GetValue(maxBuilds),
        MaxQueuedBuilds = parse.GetValue(maxQueuedBuilds),
        MemoryBudgetBytes = parse.GetValue(buildMemory) is > 0 and var mb ? (long)(mb * 1e6) : null,
        PruneGrid = EdgeInfer.Edge.Variants.FractionGrid.Parse(parse.GetValue(pruneGrid)!),
        MacsGrid = EdgeInfer.Edge.Variants.FractionGrid.Parse(parse.GetValue(macsGrid)!),
        BuildsPerClient = parse.GetValue(buildsPerClient),
        BuildWindowSeconds = parse.GetValue(buildWindow),
    };
}
