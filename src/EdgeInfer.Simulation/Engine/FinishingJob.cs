namespace EdgeInfer.Simulation.Engine;

/// <summary>A job in a server's heap: when it finishes (virtual or wall time), which job, and its rate's inverse.</summary>
internal readonly record struct FinishingJob(double Finish, int Job, double InverseRate) : IComparable<FinishingJob>
{
    public int CompareTo(FinishingJob other) => Finish.CompareTo(other.Finish);
}
