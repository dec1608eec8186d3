using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using EdgeInfer.Models.Files;

namespace EdgeInfer.Cli.Commands.Simulation;

/// <summary>
/// <c>run.json</c> of <c>simulate</c>: the inputs (the scenario file, the scenario after the first point's sweep settings,
/// the sweeps and their points, policies, seed, replications), the versions of EdgeInfer and .NET, the machine's
/// cores, and the run's wall time, simulated requests and events and requests per wall-clock second. Written
/// atomically, last, so its presence says the outputs are complete.
/// </summary>
internal static class SimulateRunJson
{
    /// <summary>File name in the output folder.</summary>
    public const string FileName = "run.json";

    /// <summary>What run.json records beyond the inputs.</summary>
    /// <param name="Seed">The first replication's seed.</param>
    /// <param name="Replications">K.</param>
    /// <param name="Trace">Whether per-request traces were written.</param>
    /// <param name="Started">Wall-clock start.</param>
    /// <param name="WallSeconds">Wall time of the whole command, seconds.</param>
    /// <param name="Runs">The runs, in order.</param>
    /// <param name="Totals">Simulated requests, events and seconds summed over the runs.</param>
    /// <param name="Files">The other files written, relative to the output folder.</param>
    public sealed record Facts(
        ulong Seed, int Replications, bool Trace, DateTimeOffset Started, double WallSeconds, IReadOnlyList<SimulateRun> Runs,
        (long Requests, long Events, double Seconds) Totals, IReadOnlyList<string> Files);

    /// <summary>Writes run.json into <paramref name="folder"/>; returns its path.</summary>
    public static string Write(string folder, SimulateInputs inputs, Facts facts)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("command", "simulate");
            w.WriteString("edgeInferVersion", Version());
            w.WriteString("dotnetVersion", RuntimeInformation.FrameworkDescription);
            w.WriteString("operatingSystem", RuntimeInformation.OSDescription);
            w.WriteNumber("machineCores", Environment.ProcessorCount);
            w.WriteString("scenarioFile", inputs.ScenarioPath);
            w.WritePropertyName("scenario");
            using (var scenario = JsonDocument.Parse(inputs.Points[0].Json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }))
            {
                scenario.WriteTo(w);
            }

            WriteSweeps(w, inputs);
            w.WriteNumber("seed", facts.Seed);
            w.WriteNumber("replications", facts.Replications);
            w.WriteBoolean("trace", facts.Trace);
            w.WriteStartArray("policies");
            foreach (var policy in facts.Runs.Select(r => r.Policy).Distinct())
            {
                w.WriteStringValue(policy);
            }

            w.WriteEndArray();
            w.WriteStartArray("evictions");
            foreach (var eviction in facts.Runs.Select(r => r.EvictionName).Distinct())
            {
                w.WriteStringValue(eviction);
            }

            w.WriteEndArray();
            w.WriteString("startedUtc", facts.Started.ToUniversalTime());
            w.WriteNumber("wallSeconds", Math.Round(facts.WallSeconds, 3));
            w.WriteNumber("runs", facts.Runs.Count);
            w.WriteNumber("simulatedRequests", facts.Totals.Requests);
            w.WriteNumber("simulatedEvents", facts.Totals.Events);
            w.WriteNumber("simulatedSeconds", facts.Totals.Seconds);
            w.WriteNumber("requestsPerWallSecond", Math.Round(facts.Totals.Requests / Math.Max(facts.WallSeconds, 1e-9), 1));
            w.WriteNumber("eventsPerWallSecond", Math.Round(facts.Totals.Events / Math.Max(facts.WallSeconds, 1e-9), 1));
            w.WriteStartArray("files");
            foreach (var file in facts.Files)
            {
                w.WriteStringValue(file);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        var path = Path.Combine(folder, FileName);
        AtomicFile.WriteAllBytes(path, stream.ToArray());
        return path;
    }

    private static void WriteSweeps(Utf8JsonWriter w, SimulateInputs inputs)
    {
        w.WriteStartArray("sweeps");
        foreach (var sweep in inputs.Sweeps)
        {
            w.WriteStringValue(sweep.Spec);
        }

        w.WriteEndArray();
        w.WriteStartArray("points");
        foreach (var point in inputs.Points)
        {
            w.WriteStartObject();
            foreach (var (key, value) in point.Settings)
            {
                w.WriteString(key, value);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static string Version() =>
        typeof(SimulateRunJson).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
