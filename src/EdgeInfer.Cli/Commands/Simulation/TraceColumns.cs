using EdgeInfer.Simulation.Policies;
using EdgeInfer.Simulation.Statistics;

namespace EdgeInfer.Cli.Commands.Simulation;

/// <summary>
/// The buffered rows of one Parquet row group, column by column, grown by doubling up to the row group's size, so a
/// short run's trace stays small.
/// </summary>
internal sealed class TraceColumns(int capacity)
{
    public double[] Arrival = new double[1024];
    public double[] Delay = new double[1024];
    public double[] Energy = new double[1024];
    public long[] Bytes = new long[1024];
    public double?[] Top1 = new double?[1024];
    public string[] Site = new string[1024];
    public bool[] Downloaded = new bool[1024];
    public int[] Device = new int[1024];
    public int[] Cell = new int[1024];
    public int[] Application = new int[1024];
    public int[] Model = new int[1024];
    public int[] Variant = new int[1024];
    public string[] ModelName = new string[1024];
    public string[] VariantName = new string[1024];

    public int Count { get; private set; }

    public void Add(in RequestRecord r, string modelName, string variantName)
    {
        if (Count == Arrival.Length)
        {
            Grow(Math.Min(capacity, Count * 2));
        }

        var i = Count++;
        Arrival[i] = r.ArrivalSeconds;
        Delay[i] = r.DelaySeconds;
        Energy[i] = r.DeviceEnergyJoules;
        Bytes[i] = r.ExchangedBytes;
        Top1[i] = double.IsNaN(r.Top1) ? null : r.Top1;
        Site[i] = r.Site == PlacementSite.Edge ? "edge" : "device";
        Downloaded[i] = r.Downloaded;
        Device[i] = r.Device;
        Cell[i] = r.Cell;
        Application[i] = r.ApplicationClass;
        Model[i] = r.Model;
        Variant[i] = r.Variant;
        ModelName[i] = modelName;
        VariantName[i] = variantName;
    }

    public void Clear() => Count = 0;

    private void Grow(int size)
    {
        Array.Resize(ref Arrival, size);
        Array.Resize(ref Delay, size);
        Array.Resize(ref Energy, size);
        Array.Resize(ref Bytes, size);
        Array.Resize(ref Top1, size);
        Array.Resize(ref Site, size);
        Array.Resize(ref Downloaded, size);
        Array.Resize(ref Device, size);
        Array.Resize(ref Cell, size);
        Array.Resize(ref Application, size);
        Array.Resize(ref Model, size);
        Array.Resize(ref Variant, size);
        Array.Resize(ref ModelName, size);
        Array.Resize(ref VariantName, size);
    }
}
