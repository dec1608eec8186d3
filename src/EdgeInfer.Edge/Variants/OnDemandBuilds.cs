using EdgeInfer.Edge.Api;
using EdgeInfer.Edge.Hosting;
using EdgeInfer.Edge.Security;
using EdgeInfer.Pruning.Variants;
using Microsoft.AspNetCore.Http;

namespace EdgeInfer.Edge.Variants;

/// <summary>
/// The admission of on-demand builds (<see cref="EdgeBuildLimits"/>): which variants may be built (the pf and MACs grids),
/// how many each client may start per window (<see cref="BuildBudget"/>), and the one bounded queue they all run through
/// (<see cref="BuildScheduler"/>). The client is the current request's (<see cref="ClientIdentity"/>); work without a request
/// (the in-process load generator) is not charged.
/// </summary>
public sealed class OnDemandBuilds
{
    private readonly BuildBudget budget;
    private readonly IHttpContextAccessor? http;

    /// <summary>Creates the admission for <paramref name="limits"/>.</summary>
    /// <param name="limits">The limits (validated with the server's options).</param>
    /// <param name="http">The current request, for the client's identity; null: nobody is charged.</param>
    /// <param name="time">The clock of the per-client windows; default the system's.</param>
    public OnDemandBuilds(EdgeBuildLimits limits, IHttpContextAccessor? http = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(limits);
        Limits = limits;
        this.http = http;
        Queue = new BuildScheduler(limits.MaxConcurrentBuilds, limits.MaxQueuedBuilds, limits.EffectiveMemoryBudgetBytes);
        budget = new BuildBudget(limits.BuildsPerClient, TimeSpan.FromSeconds(limits.BuildWindowSeconds), time ?? TimeProvider.System);
    }

    /// <summary>The limits.</summary>
    public EdgeBuildLimits Limits { get; }

    /// <summary>The build queue.</summary>
    public BuildScheduler Queue { get; }

    /// <summary>The request being served on this flow, or null.</summary>
    public HttpContext? Context => http?.HttpContext;

    /// <summary>Throws a 400 naming the allowed values when <paramref name="variant"/> is off the grids (it would need a build).</summary>
    /// <exception cref="EdgeProblemException">400.</exception>
    public void CheckGrid(ModelVariant variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        if (!variant.IsPruned)
        {
            return;
        }

        if (variant.Budget is { } macs)
        {
            if (!Limits.MacsGrid.Contains(macs.KeptFraction))
            {
                throw EdgeProblemException.BadRequest(
                    $"macs={macs} is not built on demand by this edge; it builds MACs budgets {Limits.MacsGrid.Describe()} "
                    + "(variants already in its repository or cache are served at any value).");
            }
        }
        else if (!Limits.PruneGrid.Contains(variant.Factor.Value))
        {
            throw EdgeProblemException.BadRequest(
                $"pf={variant.Factor} is not pruned on demand by this edge; it prunes at pf {Limits.PruneGrid.Describe()} "
                + "(variants already in its repository or cache are served at any pf).");
        }
    }

    /// <summary>
    /// Counts one build for the current request's client (429 when its window is full); returns the client to
    /// <see cref="Refund"/> if the edge then refuses the build itself, or null without a request (nothing counted).
    /// </summary>
    /// <exception cref="EdgeProblemException">429 with <c>Retry-After</c>.</exception>
    public string? Charge()
    {
        if (Context is not { } context)
        {
            return null;
        }

        var client = ClientIdentity.Of(context);
        budget.Charge(client);
        return client;
    }

    /// <summary>Gives back the build <see cref="Charge"/> counted for <paramref name="client"/> (the edge refused it: 503, 507).</summary>
    public void Refund(string? client)
    {
        if (client is not null)
        {
            budget.Refund(client);
        }
    }
}
