namespace EdgeInfer.Edge.Admission;

/// <summary>An exponentially weighted mean of how long admission slots were held (weight 1/16 per release); thread-safe.</summary>
internal sealed class SlotTimes
{
    private const double Weight = 1.0 / 16;
    private readonly Lock gate = new();
    private double mean;
    private bool any;

    /// <summary>The mean in seconds, 0 before the first sample.</summary>
    public double Mean
    {
        get
        {
            lock (gate)
            {
                return mean;
            }
        }
    }

    /// <summary>Adds one hold time in seconds.</summary>
    public void Add(double seconds)
    {
        lock (gate)
        {
            mean = any ? mean + (Weight * (seconds - mean)) : seconds;
            any = true;
        }
    }
}
