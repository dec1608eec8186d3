using EdgeInfer.Core;

namespace EdgeInfer.Runtime.Profiles;

/// <summary>Settings of a profile run, validated once by <see cref="Validated"/> (one message listing every problem).</summary>
public sealed record ProfilerOptions
{
    /// <summary>Measure the device role (one measurement at load 0). Default true.</summary>
    public bool MeasureDevice { get; init; } = true;

    /// <summary>Measure the edge role at every level of <see cref="Loads"/>. Default true.</summary>
    public bool MeasureEdge { get; init; } = true;

    /// <summary>Edge load levels (background tasks), distinct, each in [0, 1024]; sorted ascending when measured. Default 0, 1, 2, 4, 8, 16.</summary>
    public IReadOnlyList<int> Loads { get; init; } = [0, 1, 2, 4, 8, 16];

    /// <summary>Timed runs per measurement, in [1, 100000]. Default 20.</summary>
    public int Samples { get; init; } = 20;

    /// <summary>Untimed runs after opening a session and after starting each load level, in [0, 1000]. Default 3.</summary>
    public int WarmupRuns { get; init; } = 3;

    /// <summary>Intra-op threads at the device role; null = 1.</summary>
    public int? DeviceThreads { get; init; }

    /// <summary>Intra-op threads at the edge role; null = all cores.</summary>
    public int? EdgeThreads { get; init; }

    /// <summary>
    /// Whether idle intra-op threads of the measured sessions spin (ORT's default, true); see
    /// <see cref="Execution.RuntimeOptions.AllowSpinning"/>.
    /// </summary>
    public bool AllowSpinning { get; init; } = true;

    /// <summary>Model the background tasks run; null = the measured variant itself.</summary>
    public string? LoadModelPath { get; init; }

    /// <summary>Timed prunings per load level for pruned variants (with a pruner), in [0, 1000]. Default 3.</summary>
    public int PruneSamples { get; init; } = 3;

    /// <summary>
    /// Device role: timed session opens of each variant, and for pruned variants timed wire decodes (decode + write the
    /// ONNX file, as the device does after a wire download), in [0, 1000]. Default 0 (not measured).
    /// </summary>
    public int SetupSamples { get; init; }

    /// <summary>Checks every field; throws one <see cref="EdgeInferInputException"/> listing every problem.</summary>
    public ProfilerOptions Validated()
    {
        var problems = new List<string>();
        if (!MeasureDevice && !MeasureEdge)
        {
            problems.Add("no role to measure (device, edge or both)");
        }

        if (MeasureEdge && Loads.Count == 0)
        {
            problems.Add("no edge load levels");
        }

        if (Loads.Any(l => l is < 0 or > 1024))
        {
            problems.Add($"loads [{string.Join(",", Loads)}] must each be in [0, 1024]");
        }

        if (Loads.Distinct().Count() != Loads.Count)
        {
            problems.Add($"loads [{string.Join(",", Loads)}] repeat a level");
        }

        if (Samples is < 1 or > 100_000)
        {
            problems.Add($"samples {Samples} is outside [1, 100000]");
        }

        if (WarmupRuns is < 0 or > 1000)
        {
            problems.Add($"warm-up {WarmupRuns} is outside [0, 1000]");
        }

        if (DeviceThreads is < 1 or > 1024 || EdgeThreads is < 1 or > 1024)
        {
            problems.Add($"threads (device {DeviceThreads}, edge {EdgeThreads}) must be in [1, 1024]");
        }

        if (PruneSamples is < 0 or > 1000)
        {
            problems.Add($"prune samples {PruneSamples} is outside [0, 1000]");
        }

        if (SetupSamples is < 0 or > 1000)
        {
            problems.Add($"setup samples {SetupSamples} is outside [0, 1000]");
        }

        if (LoadModelPath is not null && !File.Exists(LoadModelPath))
        {
            problems.Add($"load model '{LoadModelPath}' does not exist");
        }

        if (problems.Count > 0)
        {
            throw new EdgeInferInputException("Invalid profile settings: " + string.Join("; ", problems) + ".");
        }

        return this;
    }
}
