namespace EdgeInfer.Contracts;

/// <summary><c>GET /v1/status</c>: the edge's state for a deciding device.</summary>
/// <param name="InFlight">Inferences running now.</param>
/// <param name="Queued">Inference requests waiting for a slot.</param>
/// <param name="MaxConcurrency">Slots.</param>
/// <param name="QueueLimit">Waiting places.</param>
/// <param name="IntraOpThreads">Threads per inference session.</param>
/// <param name="ProcessorCount">Cores of the edge machine.</param>
/// <param name="Draining">True while shutting down.</param>
/// <param name="BackgroundLoad">The emulated edge load.</param>
/// <param name="Prunes">On-demand prunes since start.</param>
/// <param name="Cache">On-demand cache use.</param>
/// <param name="Inference">Recent ORT inference times (last 256) per model variant, seconds.</param>
/// <param name="Service">
/// Recent service times (body decode + queue + inference) per model variant, seconds: T_inf,e as a device sees it.
/// </param>
/// <param name="Prune">Recent on-demand prune times per model, seconds.</param>
/// <param name="SessionOpen">
/// Recent session opens per model variant (ORT session and one warm-up run), seconds: what the first inference of a newly
/// pruned variant pays.
/// </param>
/// <param name="Warmup">The start-up warm-up and its prune-rate calibration.</param>
public sealed record StatusView(
    int InFlight,
    int Queued,
    int MaxConcurrency,
    int QueueLimit,
    int IntraOpThreads,
    int ProcessorCount,
    bool Draining,
    LoadView BackgroundLoad,
    long Prunes,
    CacheView Cache,
    IReadOnlyList<RecentTimes> Inference,
    IReadOnlyList<RecentTimes> Service,
    IReadOnlyList<RecentTimes> Prune,
    IReadOnlyList<RecentTimes> SessionOpen,
    WarmupView Warmup);
