using EdgeInfer.Core;
using EdgeInfer.Core.Quantities;
using EdgeInfer.Runtime.Profiles;
using EdgeInfer.Simulation.Scenarios;

namespace EdgeInfer.Simulation.Profiles;

/// <summary>
/// Reads what the simulator needs from a measured profile (<c>edgeinfer profile</c> output): a variant's size, device
/// time, idle-edge inference and pruning times (at the profile's lowest edge load), and the edge's slowdown curve
/// S(L) = T(L)/T(0), read through Runtime's <see cref="LoadCurve"/> exactly as <c>plan --profile</c> reads it (linear
/// between measured loads, the anchored processor-sharing fit beyond them). Pure: the caller reads the file.
/// </summary>
public static class ProfileVariants
{
    /// <summary>The slowdown is tabulated up to this many times the highest measured load (then extended linearly).</summary>
    public const int ExtrapolationFactor = 4;

    /// <summary>One variant of <paramref name="model"/>, with the accuracy the caller knows (profiles hold no accuracy).</summary>
    /// <exception cref="EdgeInferInputException">The profile lacks a role, the model, the variant, or its pruning time.</exception>
    public static SimulatedVariant Variant(ProfileDocument profile, string model, string variant, double? top1)
    {
        var (device, edge) = Roles(profile, model, variant);
        var lowest = edge.Measurements.MinBy(m => m.Load)!;
        var isFull = string.Equals(variant, ProfiledModel.FullVariant, StringComparison.OrdinalIgnoreCase);
        if (!isFull && lowest.PruneSeconds is null)
        {
            throw new EdgeInferInputException(
                $"The profile has no pruneSeconds for {model}/{variant}; profile it with its pruningFactor and pruneSamples ≥ 1.");
        }

        return new SimulatedVariant
        {
            Name = variant,
            Size = new Bytes(edge.SizeBytes),
            DeviceInference = new Seconds(device.Measurements.MinBy(m => m.Load)!.Inference.MedianSeconds),
            EdgeInference = new Seconds(lowest.Inference.MedianSeconds),
            Prune = isFull ? Seconds.Zero : new Seconds(lowest.PruneSeconds!.MedianSeconds),
            Top1 = top1,
        };
    }

    /// <summary>
    /// S(L) for L = 0 … <see cref="ExtrapolationFactor"/> × the highest measured load, from the edge curve of
    /// <paramref name="model"/>/<paramref name="variant"/>, normalised by its time at the lowest measured load.
    /// </summary>
    public static IReadOnlyList<(int Load, double Factor)> Slowdown(ProfileDocument profile, string model, string variant)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var edge = EdgeRole(profile, model, variant);
        var curve = new LoadCurve($"edge inference of {model}/{variant}", edge.Measurements.Select(m => (m.Load, m.Inference.MedianSeconds)));
        if (curve.MinLoad != 0)
        {
            throw new EdgeInferInputException($"The profile's edge curve of {model}/{variant} starts at load {curve.MinLoad}; the slowdown needs load 0.");
        }

        var extrapolate = curve.MaxLoad > curve.MinLoad;
        var top = extrapolate ? curve.MaxLoad * ExtrapolationFactor : 0;
        var idle = curve.At(0, extrapolate: false).Seconds;
        return [.. Enumerable.Range(0, top + 1).Select(l => (l, curve.At(l, extrapolate).Seconds / idle))];
    }

    private static (ProfiledModel Device, ProfiledModel Edge) Roles(ProfileDocument profile, string model, string variant)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var edge = EdgeRole(profile, model, variant);
        var device = profile.Device?.Find(model, variant)
            ?? throw new EdgeInferInputException($"The profile's device role has no '{model}' variant '{variant}'.");
        return (device, edge);
    }

    /// <summary>The slowdown needs the edge role only (a profile measured with <c>--role edge</c> will do).</summary>
    private static ProfiledModel EdgeRole(ProfileDocument profile, string model, string variant)
    {
        if (!profile.Complete)
        {
            throw new EdgeInferInputException("The profile is incomplete (\"complete\": false); measure it again.");
        }

        return profile.Edge?.Find(model, variant)
            ?? throw new EdgeInferInputException($"The profile's edge role has no '{model}' variant '{variant}'.");
    }
}
