namespace EdgeInfer.Core.Planning;

/// <summary>
/// The costs of one strategy as functions of Q: the cycle delay of one (the first) request, and lifetime delay,
/// device energy and exchanged data as lines in Q (so break-even points are solved in O(1)).
/// </summary>
public readonly record struct StrategyCosts(
    Strategy Strategy,
    double CycleDelaySeconds,
    Line LifetimeDelaySeconds,
    Line DeviceEnergyJoules,
    Line ExchangedBytes,
    double EdgeEnergyJoules);
