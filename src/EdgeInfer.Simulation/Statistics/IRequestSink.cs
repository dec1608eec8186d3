namespace EdgeInfer.Simulation.Statistics;

/// <summary>
/// Receives every counted request (after the warm-up) as it finishes, e.g. to write a Parquet trace. Called on the
/// simulation's thread; must not throw. Records arrive in completion order.
/// </summary>
public interface IRequestSink
{
    /// <summary>One finished request.</summary>
    void Record(in RequestRecord record);
}
