using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Core.Planning;

/// <summary>The device's power draws (paper Sec. 4.1, after its ref. [14]) and battery.</summary>
public sealed record DeviceProfile
{
    /// <summary>Battery capacity; lifetime device energy must not exceed it. Null (default): no battery constraint.</summary>
    public WattHours? Battery { get; init; }

    /// <summary>Transmit power P_tx. Default 0.01 W.</summary>
    public Watts TxPower { get; init; } = new(0.01);

    /// <summary>Receive power P_rx. Default 0.1 W.</summary>
    public Watts RxPower { get; init; } = new(0.1);

    /// <summary>Baseband circuit power P_E, paid while receiving. Default 5.34 W.</summary>
    public Watts BasebandPower { get; init; } = new(5.34);

    /// <summary>Compute power P_d while inferring. Default 2.8 W.</summary>
    public Watts ComputePower { get; init; } = new(2.8);
}
