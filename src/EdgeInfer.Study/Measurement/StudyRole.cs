namespace EdgeInfer.Study.Measurement;

/// <summary>Where an inference is measured: the device role (one core, load 0) or the edge role (all cores, under load).</summary>
public enum StudyRole
{
    /// <summary>The mobile device: <c>deviceThreads</c> intra-op threads, no background load.</summary>
    Device,

    /// <summary>The edge server: <c>edgeThreads</c> intra-op threads, with L background tasks.</summary>
    Edge,
}
