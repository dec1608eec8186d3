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

    /// <summary>Adds the flags to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        // ---- image and inference input limits ----
        command.Options.Add(maxImagePixels);

        // ---- on-demand build limits ----
        command.Options.Add(maxBuilds);
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
    };
}
