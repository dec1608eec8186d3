using System.Globalization;
using EdgeInfer.Runtime.Profiles;

namespace EdgeInfer.Cli.Commands.Plan;

/// <summary>The <c>plan --profile --json</c> object: where the numbers came from, whether any was extrapolated, and the plan.</summary>
internal sealed record PlanFromProfileOutput(PlanFromProfileOutput.Source Profile, bool Extrapolated, ProfileEstimates Estimates, PlanOutput Plan)
{
    /// <summary>The profile, model and pruned variant used.</summary>
    internal sealed record Source(string Path, string Model, string PrunedVariant, double PruningFactor);

    public static void WriteHeader(TextWriter output, Source source, ProfileEstimates estimates)
    {
        output.WriteLine($"profile {source.Path}: {source.Model}, pruned variant {source.PrunedVariant}");
        (string Name, EdgeTimeEstimate Estimate)[] rows =
            [("edge inference (full)", estimates.EdgeFull), ("edge inference (pruned)", estimates.EdgePruned), ("edge pruning", estimates.Prune)];
        foreach (var (name, e) in rows)
        {
            var fit = e.Fit is { } f ? string.Create(CultureInfo.InvariantCulture, $" [T0 {f.UnloadedSeconds * 1e3:F2} ms, c {f.EffectiveCores:F2}, rms ")
                + string.Create(CultureInfo.InvariantCulture, $"{f.RmsRelativeError:P1}]") : string.Empty;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-24} at load {e.Load,6:0.##}: {e.Seconds * 1e3,10:F2} ms ")
                + string.Create(CultureInfo.InvariantCulture, $"({e.Kind.ToString().ToLowerInvariant()}){fit}"));
        }

        if (estimates.Extrapolated)
        {
            output.WriteLine("  EXTRAPOLATED beyond the measured loads (processor-sharing fit T(L) = T0·max(1, (L+1)/c)).");
        }
    }
}
