namespace EdgeInfer.Device.Shaping;

/// <summary>The faults drawn for one HTTP attempt (<see cref="LinkFaults.Next"/>): at most one drop and one stall.</summary>
internal sealed class AttemptFaults(LinkFaults source, FaultPoint? drop, FaultPoint? stall, TimeSpan stallLength)
{
    /// <summary>A cursor over the request body (<paramref name="upload"/>) or the response body of <paramref name="length"/> bytes.</summary>
    public FaultCursor Cursor(bool upload, long? length, TransferRecord record) => new(
        drop is { } d && d.Upload == upload ? d.At(length) : null,
        stall is { } s && s.Upload == upload ? (length is null ? 0 : s.At(length)) : null, // unknown length: before the first byte
        stallLength,
        source,
        record);
}
