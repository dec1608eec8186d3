using System.Globalization;
using System.Text;
using EdgeInfer.Device.Loadgen;
using EdgeInfer.Models.Files;

namespace EdgeInfer.Cli.Commands.Edge;

/// <summary><c>loadgen --samples-csv</c>: every request of an open-loop run, one line each, times in seconds.</summary>
internal static class LoadgenSamplesCsv
{
    public static void Write(string path, IReadOnlyList<LoadgenSample> samples)
    {
        var text = new StringBuilder("device,arrivalSeconds,delaySeconds,dispatchLagSeconds,status\n");
        foreach (var s in samples)
        {
            text.Append(CultureInfo.InvariantCulture, $"{s.Device},{s.ArrivalSeconds:R},{s.DelaySeconds:R},{s.DispatchLagSeconds:R},{s.Status}\n");
        }

        AtomicFile.WriteAllText(path, text.ToString());
    }
}
