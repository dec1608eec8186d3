using System.Diagnostics;
using EdgeInfer.Models.Building;
using Google.Protobuf;

namespace EdgeInfer.Runtime.Execution;

/// <summary>
/// Initialises ONNX Runtime in this process before anything is timed: passes <see cref="TinyNetwork"/> (the catalog
/// models' operators) through the wire format (encode, decode: the decoder's code gets compiled) and opens (with its
/// warm-up runs) and closes it. The first session
/// of a process otherwise pays ORT's environment set-up and cold code (on the 2-core reference machine a MobileNet open
/// took ~120 ms first, ~45 ms after), which no profile measures.
/// </summary>
public static class RuntimeWarmup
{
    /// <summary>Decodes, opens and closes the tiny network with <paramref name="options"/>; returns how long that took.</summary>
    public static TimeSpan Warm(RuntimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var start = Stopwatch.GetTimestamp();
        var model = TinyNetwork.Build();
        var path = Path.Combine(Path.GetTempPath(), $"edgeinfer-warmup-{Guid.NewGuid():N}.onnx");
        try
        {
            File.WriteAllBytes(path + ".source", model.ToByteArray());
            // Through the wire format, as a pruned download arrives: the decoder's code is compiled here too.
            Pruning.Wire.WireCodec.EncodeFile(path + ".source", path + ".eiw");
            Pruning.Wire.WireCodec.DecodeFile(path + ".eiw", path);
            using (RuntimeSession.Open(path, options))
            {
            }
        }
        finally
        {
            File.Delete(path + ".source");
            File.Delete(path + ".eiw");
            File.Delete(path);
        }

        return Stopwatch.GetElapsedTime(start);
    }
}
