namespace EdgeInfer.Runtime.Profiles;

/// <summary>What a profile was measured on. Two profiles with equal records count as the same machine when merging.</summary>
/// <param name="CpuModel">CPU model name (Linux: <c>model name</c> in /proc/cpuinfo), or "unknown".</param>
/// <param name="LogicalCores">Logical processors visible to the process.</param>
/// <param name="MemoryBytes">Physical memory available to the process, bytes.</param>
/// <param name="OperatingSystem">OS description.</param>
/// <param name="OnnxRuntimeVersion">ONNX Runtime native library version.</param>
/// <param name="DotnetVersion">.NET runtime description.</param>
public sealed record MachineInfo(string CpuModel, int LogicalCores, long MemoryBytes, string OperatingSystem, string OnnxRuntimeVersion, string DotnetVersion);
