using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace EdgeInfer.Runtime.Profiles;

/// <summary>Describes the machine this process runs on.</summary>
public static class MachineProbe
{
    /// <summary>CPU model (from /proc/cpuinfo on Linux), logical cores, memory, OS, ORT and .NET versions.</summary>
    public static MachineInfo Current() => new(
        CpuModel(),
        Environment.ProcessorCount,
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        RuntimeInformation.OSDescription,
        OrtEnv.Instance().GetVersionString(),
        RuntimeInformation.FrameworkDescription);

    private static string CpuModel()
    {
        const string cpuinfo = "/proc/cpuinfo";
        try
        {
            if (File.Exists(cpuinfo))
            {
                foreach (var line in File.ReadLines(cpuinfo))
                {
                    if (line.StartsWith("model name", StringComparison.Ordinal) && line.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
                    {
                        return line[(colon + 1)..].Trim();
                    }
                }
            }
        }
        catch (IOException)
        {
            // Fall through: the CPU model is descriptive, never required.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return RuntimeInformation.ProcessArchitecture + " (model unknown)";
    }
}
