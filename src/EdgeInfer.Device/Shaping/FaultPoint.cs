namespace EdgeInfer.Device.Shaping;

/// <summary>Where an injected fault hits an attempt: the request body (<paramref name="Upload"/>) or the response body, at a fraction of its length.</summary>
/// <param name="Upload">True: the request body; false: the response body.</param>
/// <param name="Fraction">Position in [0, 1) of the body's length (a body of unknown length: a drop at its end, a stall at its start).</param>
internal readonly record struct FaultPoint(bool Upload, double Fraction)
{
    /// <summary>The byte offset in a body of <paramref name="length"/> bytes (null: unknown, the fault hits at its end).</summary>
    public long At(long? length) => length is { } l ? (long)Math.Floor(Fraction * l) : long.MaxValue;
}
