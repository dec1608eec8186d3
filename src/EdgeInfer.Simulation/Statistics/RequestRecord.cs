using EdgeInfer.Simulation.Policies;

namespace EdgeInfer.Simulation.Statistics;

/// <summary>One finished request, as a per-request trace row (see <see cref="IRequestSink"/>).</summary>
public readonly record struct RequestRecord(
    double ArrivalSeconds,
    double DelaySeconds,
    double DeviceEnergyJoules,
    long ExchangedBytes,
    double Top1,
    PlacementSite Site,
    bool Downloaded,
    int Device,
    int Cell,
    int ApplicationClass,
    int Model,
    int Variant);
