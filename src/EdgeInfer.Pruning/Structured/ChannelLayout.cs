namespace EdgeInfer.Pruning.Structured;

/// <summary>Where each channel of a tensor comes from: consecutive segments along axis 1 (more than one after a Concat).</summary>
internal sealed class ChannelLayout
{
    public ChannelLayout(IReadOnlyList<ChannelSegment> segments)
    {
        Segments = segments;
        Channels = segments.Count == 0 ? 0 : segments[^1].Offset + segments[^1].Channels;
    }

    public IReadOnlyList<ChannelSegment> Segments { get; }

    /// <summary>The tensor's channel count (its axis 1).</summary>
    public int Channels { get; }

    /// <summary>The segments that carry a producer's channels, with that producer's current root.</summary>
    public IEnumerable<(ChannelSpace Space, ChannelSegment Segment)> Spaces =>
        Segments.Where(s => s.Space is not null).Select(s => (s.Space!.Root(), s));

    public static ChannelLayout Of(ChannelSpace space) => new([new ChannelSegment(space, 0, space.Channels)]);

    /// <summary>Blocks every producer whose channels this tensor carries.</summary>
    public void Block(string reason)
    {
        foreach (var (space, _) in Spaces)
        {
            space.Block(reason);
        }
    }
}
