using System.Globalization;
using EdgeInfer.Core;
using EdgeInfer.Core.Quantities;

namespace EdgeInfer.Device.Shaping;

/// <summary>
/// Faults the emulated radio link injects (<c>device --fault-drop P --fault-stall P:MS --fault-seed S</c>): each HTTP
/// attempt independently drops its connection with <see cref="DropProbability"/> (an <see cref="IOException"/> at a random
/// byte of the request or the response body) and stalls with <see cref="StallProbability"/> (a pause of
/// <see cref="StallLength"/> at a random byte). Draws come from one <see cref="Random"/> seeded with <see cref="Seed"/>, a
/// fixed number per attempt, so a sequential run meets the same faults every time. Validated once by <see cref="Validated"/>.
/// </summary>
public sealed record LinkFaultOptions
{
    /// <summary>No faults.</summary>
    public static LinkFaultOptions None { get; } = new();

    /// <summary>Probability that an attempt's connection drops, in [0, 1). Default 0.</summary>
    public double DropProbability { get; init; }

    /// <summary>Probability that an attempt stalls once, in [0, 1]. Default 0.</summary>
    public double StallProbability { get; init; }

    /// <summary>How long a stall pauses the link, at most 600 s. Default 0.5 s.</summary>
    public Seconds StallLength { get; init; } = new(0.5);

    /// <summary>Seed of the fault draws. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>True when any fault can happen.</summary>
    public bool IsActive => DropProbability > 0 || (StallProbability > 0 && StallLength.Value > 0);

    /// <summary>Checks every field; throws one <see cref="EdgeInferInputException"/> listing every problem.</summary>
    public LinkFaultOptions Validated()
    {
        var problems = Problems();
        return problems.Count == 0 ? this : throw new EdgeInferInputException("Invalid link faults: " + string.Join("; ", problems) + ".");
    }

    /// <summary>Every problem, each starting with the property's camelCase name; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (DropProbability is not (>= 0 and < 1))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"dropProbability {DropProbability} is outside [0, 1)"));
        }

        if (StallProbability is not (>= 0 and <= 1))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"stallProbability {StallProbability} is outside [0, 1]"));
        }

        if (StallLength.Value > 600)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"stallLength {StallLength.Value} s is above 600 s"));
        }

        return problems;
    }
}
