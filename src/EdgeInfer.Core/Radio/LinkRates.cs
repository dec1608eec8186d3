using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Core.Radio;

/// <summary>Uplink (UE → BS, D_ul) and downlink (BS → UE, D_dl) data rates; both must be positive to plan with.</summary>
public readonly record struct LinkRates(BitsPerSecond Uplink, BitsPerSecond Downlink);
