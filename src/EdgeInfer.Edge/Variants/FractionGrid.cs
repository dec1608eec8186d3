using System.Globalization;
using EdgeInfer.Core;
using EdgeInfer.Pruning.Variants;

namespace EdgeInfer.Edge.Variants;

/// <summary>
/// A set of fractions at the resolution of variant names (whole hundredths in [0.01, 0.99]): the pruning factors (or MACs
/// budgets) the edge builds on demand. Written as a range <c>start:stop:step</c> (<c>0.1:0.9:0.1</c>, both ends
/// included) or a list <c>0.3,0.5,0.7</c>.
/// </summary>
public sealed class FractionGrid
{
    private readonly SortedSet<int> hundredths;

    private FractionGrid(SortedSet<int> hundredths, string text)
    {
        this.hundredths = hundredths;
        Text = text;
    }

    /// <summary>The default grid: 0.05 to 0.95 in steps of 0.05 (19 values).</summary>
    public static FractionGrid Default { get; } = Parse("0.05:0.95:0.05");

    /// <summary>The grid as it was written.</summary>
    public string Text { get; }

    /// <summary>The fractions, ascending.</summary>
    public IReadOnlyList<double> Values => [.. hundredths.Select(h => h / 100.0)];

    /// <summary>True when <paramref name="fraction"/> (a whole number of hundredths) is in the grid.</summary>
    public bool Contains(double fraction) => hundredths.Contains((int)Math.Round(fraction * 100));

    /// <summary>The values for a message: <c>0.05, 0.10, …, 0.95</c>.</summary>
    public string Describe() => string.Join(", ", hundredths.Select(h => (h / 100.0).ToString("0.00", CultureInfo.InvariantCulture)));

    /// <summary>Parses a range <c>start:stop:step</c> or a comma-separated list.</summary>
    /// <exception cref="EdgeInferInputException">The text names the problem.</exception>
    public static FractionGrid Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var set = new SortedSet<int>();
        var parts = text.Split(':');
        if (parts.Length == 3)
        {
            var (start, stop, step) = (Fraction(parts[0], text), Fraction(parts[1], text), Fraction(parts[2], text));
            if (stop < start)
            {
                throw new EdgeInferInputException($"grid '{text}': the stop {stop / 100.0} is below the start {start / 100.0}.");
            }

            for (var h = start; h <= stop; h += step)
            {
                set.Add(h);
            }
        }
        else if (parts.Length == 1)
        {
            foreach (var item in text.Split(','))
            {
                set.Add(Fraction(item, text));
            }
        }
        else
        {
            throw new EdgeInferInputException($"grid '{text}' is neither start:stop:step nor a comma-separated list.");
        }

        return new FractionGrid(set, text);
    }

    private static int Fraction(string item, string text) =>
        PruningFactor.TryParse(item, out var factor) && !factor.IsZero
            ? (int)Math.Round(factor.Value * 100)
            : throw new EdgeInferInputException($"grid '{text}': '{item}' is not a fraction in [0.01, 0.99] with at most two decimals.");
}
