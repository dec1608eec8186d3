using System.Globalization;
using EdgeInfer.Runtime.Profiles;

namespace EdgeInfer.Cli.Commands.Profiles;

/// <summary>The readable form of a profile: one row per role, model variant and load, times in milliseconds.</summary>
internal static class ProfileTable
{
    public static void Write(TextWriter output, ProfileDocument profile)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"role",-6} {"model/variant",-28} {"load",5} {"median ms",11} {"p90 ms",11} ")
            + string.Create(CultureInfo.InvariantCulture, $"{"p99 ms",11} {"min ms",11} {"max ms",11} {"n",5} {"prune s",9} {"size MB",9}"));
        foreach (var (name, role) in new[] { ("device", profile.Device), ("edge", profile.Edge) })
        {
            if (role is null)
            {
                continue;
            }

            foreach (var model in role.Models)
            {
                foreach (var m in model.Measurements)
                {
                    var s = m.Inference;
                    var prune = m.PruneSeconds is { } p ? p.MedianSeconds.ToString("F3", CultureInfo.InvariantCulture) : "-";
                    output.WriteLine(
                        string.Create(CultureInfo.InvariantCulture, $"{name,-6} {model.Model + "/" + model.Variant,-28} {m.Load,5} ")
                        + string.Create(CultureInfo.InvariantCulture, $"{s.MedianSeconds * 1e3,11:F2} {s.P90Seconds * 1e3,11:F2} {s.P99Seconds * 1e3,11:F2} ")
                        + string.Create(CultureInfo.InvariantCulture, $"{s.MinSeconds * 1e3,11:F2} {s.MaxSeconds * 1e3,11:F2} {s.Count,5} ")
                        + string.Create(CultureInfo.InvariantCulture, $"{prune,9} {model.SizeBytes / 1e6,9:F1}"));
                }
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} machine: {role.Machine.CpuModel}, {role.Machine.LogicalCores} cores, ")
                + string.Create(CultureInfo.InvariantCulture, $"{role.Settings.IntraOpThreads} intra-op threads"));
        }
    }
}
