using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Core.Radio;

/// <summary>One direction of the link: SNR and Shannon rate. For the expected condition the SNR is the effective one.</summary>
public sealed record LinkReport(Decibels Snr, BitsPerSecond Rate, DecibelMilliwatts NoisePower);
