namespace EdgeInfer.Device.Loadgen;

/// <summary>One request of an open-loop load test.</summary>
/// <param name="Device">The device that sent it (0 … K − 1).</param>
/// <param name="ArrivalSeconds">Its scheduled arrival, seconds since the start.</param>
/// <param name="DelaySeconds">End-to-end delay: from the scheduled arrival to the response read, seconds.</param>
/// <param name="DispatchLagSeconds">How late the client sent it after its scheduled arrival, seconds (part of the delay).</param>
/// <param name="Status">HTTP status (0: no answer).</param>
public readonly record struct LoadgenSample(int Device, double ArrivalSeconds, double DelaySeconds, double DispatchLagSeconds, int Status);
