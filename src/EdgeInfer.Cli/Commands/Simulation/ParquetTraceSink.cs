using EdgeInfer.Simulation.Statistics;
using Parquet;
using Parquet.Schema;

namespace EdgeInfer.Cli.Commands.Simulation;

/// <summary>
/// Writes every request of one run to a Parquet stream: the columns of <see cref="RequestRecord"/> (top1 null when
/// the variant's accuracy is unknown, site as <c>edge</c>/<c>device</c>) plus the model's and the variant's names,
/// in row groups of <see cref="RowGroupRows"/> rows. The simulation calls <see cref="Record"/> on its own thread;
/// <see cref="Complete"/> writes the last row group and the footer. The caller makes the file atomic.
/// </summary>
internal sealed class ParquetTraceSink : IRequestSink, IDisposable
{
    /// <summary>Rows per row group (the last one may hold fewer).</summary>
    public const int RowGroupRows = 1 << 20;

    private static readonly DataField<double> Arrival = new("arrivalSeconds");
    private static readonly DataField<double> Delay = new("delaySeconds");
    private static readonly DataField<double> Energy = new("deviceEnergyJoules");
    private static readonly DataField<long> Bytes = new("exchangedBytes");
    private static readonly DataField<double?> Top1 = new("top1");
    private static readonly DataField<string> Site = new("site");
    private static readonly DataField<bool> Downloaded = new("downloaded");
    private static readonly DataField<int> Device = new("device");
    private static readonly DataField<int> Cell = new("cell");
    private static readonly DataField<int> Application = new("applicationClass");
    private static readonly DataField<int> Model = new("model");
    private static readonly DataField<int> Variant = new("variant");
    private static readonly DataField<string> ModelName = new("modelName");
    private static readonly DataField<string> VariantName = new("variantName");

    /// <summary>The file's schema, in column order.</summary>
    public static ParquetSchema Schema { get; } =
        new(Arrival, Delay, Energy, Bytes, Top1, Site, Downloaded, Device, Cell, Application, Model, Variant, ModelName, VariantName);

    private readonly ParquetWriter writer;
    private readonly IReadOnlyList<string> modelNames;
    private readonly IReadOnlyList<IReadOnlyList<string>> variantNames;
    private readonly TraceColumns columns = new(RowGroupRows);
    private bool completed;

    private ParquetTraceSink(ParquetWriter writer, IReadOnlyList<string> modelNames, IReadOnlyList<IReadOnlyList<string>> variantNames)
    {
        this.writer = writer;
        this.modelNames = modelNames;
        this.variantNames = variantNames;
    }

    /// <summary>Rows written so far (including the buffered ones).</summary>
    public long Rows { get; private set; }

    /// <summary>A sink writing to <paramref name="stream"/>; names index models (<paramref name="modelNames"/>) and their variants.</summary>
    public static ParquetTraceSink Create(Stream stream, IReadOnlyList<string> modelNames, IReadOnlyList<IReadOnlyList<string>> variantNames)
    {
        var writer = ParquetWriter.CreateAsync(Schema, stream).GetAwaiter().GetResult();
        return new ParquetTraceSink(writer, modelNames, variantNames);
    }

    /// <inheritdoc />
    public void Record(in RequestRecord record)
    {
        columns.Add(record, modelNames[record.Model], variantNames[record.Model][record.Variant]);
        Rows++;
        if (columns.Count == RowGroupRows)
        {
            Flush();
        }
    }

    /// <summary>Writes the buffered rows and the footer; the stream then holds a complete file.</summary>
    public void Complete()
    {
        if (columns.Count > 0)
        {
            Flush();
        }

        completed = true;
        writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!completed)
        {
            completed = true;
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private void Flush()
    {
        var n = columns.Count;
        using (var group = writer.CreateRowGroup())
        {
            group.WriteAsync(Arrival, new ReadOnlyMemory<double>(columns.Arrival, 0, n)).GetAwaiter().GetResult();
            group.WriteAsync(Delay, new ReadOnlyMemory<double>(columns.Delay, 0, n)).GetAwaiter().GetResult();
            group.WriteAsync(Energy, new ReadOnlyMemory<double>(columns.Energy, 0, n)).GetAwaiter().GetResult();
            group.WriteAsync(Bytes, new ReadOnlyMemory<long>(columns.Bytes, 0, n)).GetAwaiter().GetResult();
            group.WriteAsync(Top1, new ReadOnlyMemory<double?>(columns.Top1, 0, n)).GetAwaiter().GetResult();
            group.WriteAsync(Site, new ArraySegment<string>(columns.Site, 0, n)).GetAwaiter().GetResult();
            group.WriteAsync(Downloaded, new ReadOnlyMemory<bool>(columns.Downloaded, 0, n)).GetAwaiter().GetResult();
            group.WriteAsync(Device, new ReadOnlyMemory<int>(columns.Device, 0, n)).GetAwaiter().GetResult();
            group.WriteAsync(Cell, new ReadOnlyMemory<int>(columns.Cell, 0, n)).GetAwaiter().GetResult();
            group.WriteAsync(Application, new ReadOnlyMemory<int>(columns.Application, 0, n)).GetAwaiter().GetResult();
            group.WriteAsync(Model, new ReadOnlyMemory<int>(columns.Model, 0, n)).GetAwaiter().GetResult();
            group.WriteAsync(Variant, new ReadOnlyMemory<int>(columns.Variant, 0, n)).GetAwaiter().GetResult();
            group.WriteAsync(ModelName, new ArraySegment<string>(columns.ModelName, 0, n)).GetAwaiter().GetResult();
            group.WriteAsync(VariantName, new ArraySegment<string>(columns.VariantName, 0, n)).GetAwaiter().GetResult();
            group.CompleteValidate();
        }

        columns.Clear();
    }
}
