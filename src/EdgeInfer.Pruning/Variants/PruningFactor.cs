using System.Globalization;
using System.Text.Json.Serialization;
using EdgeInfer.Core;

namespace EdgeInfer.Pruning.Variants;

/// <summary>
/// A pruning factor pf: the fraction of prunable weights zeroed (global, layer) or of prunable channels removed
/// (channel), in [0, <see cref="Maximum"/>], at the resolution of variant names (0.01: <c>global-0.70</c>). Held as
/// whole hundredths, so two factors that name the same variant are equal and hash alike. The one home of pf's limits,
/// parsing and formatting. In JSON a factor is a number (<c>0.7</c>).
/// </summary>
/// <remarks>
/// Engines that take any fraction (<c>MagnitudePruner</c>, <c>ChannelPruner</c>: a pf need not name a variant there)
/// check it against the same limit with <see cref="InRange"/>.
/// </remarks>
[JsonConverter(typeof(PruningFactorJsonConverter))]
public readonly record struct PruningFactor : IComparable<PruningFactor>
{
    /// <summary>Largest pf: pruning everything leaves no model.</summary>
    public const double Maximum = 0.99;

    /// <summary>Text of the accepted range, for messages and help texts.</summary>
    public const string RangeText = "[0, 0.99]";

    private readonly int hundredths;

    private PruningFactor(int hundredths) => this.hundredths = hundredths;

    /// <summary>pf = 0: nothing pruned (the full model).</summary>
    public static PruningFactor Zero => default;

    /// <summary>The value in [0, 0.99].</summary>
    public double Value => hundredths / 100.0;

    /// <summary>True for pf = 0.</summary>
    public bool IsZero => hundredths == 0;

    /// <summary>
    /// True when <paramref name="value"/> is a finite fraction in [0, <see cref="Maximum"/>], at any resolution: the
    /// check of engines that prune at any fraction, not only at a variant's.
    /// </summary>
    public static bool InRange(double value) => double.IsFinite(value) && value >= 0 && value <= Maximum;

    /// <summary>
    /// The factor <paramref name="value"/>, which must lie in [0, 0.99] and be a whole number of hundredths (within
    /// 1e-9, so 0.7 and 0.1 + 0.6 are the same factor).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside the range or finer than 0.01: a caller bug;
    /// user input goes through <see cref="Parse"/> or <see cref="Problem(double)"/>.</exception>
    public static PruningFactor Of(double value) =>
        TryOf(value, out var factor) ? factor : throw new ArgumentOutOfRangeException(nameof(value), value, Problem(value));

    /// <summary>The factor <paramref name="value"/>, or false when <see cref="Problem(double)"/> has something to say.</summary>
    public static bool TryOf(double value, out PruningFactor factor)
    {
        factor = default;
        if (!double.IsFinite(value) || value < 0 || value > Maximum + 1e-9)
        {
            // The 1e-9 lets 0.99 computed in floating point (0.9900000000000001) through: it names the same variant.
            return false;
        }

        var scaled = value * 100;
        var whole = Math.Round(scaled);
        if (Math.Abs(scaled - whole) > 1e-7)
        {
            return false;
        }

        factor = new PruningFactor((int)whole);
        return true;
    }

    /// <summary>What is wrong with <paramref name="value"/> as a pf, in words without a subject, or null when it is one.</summary>
    public static string? Problem(double value)
    {
        if (TryOf(value, out _))
        {
            return null;
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return !double.IsFinite(value) || value < 0 || value > Maximum
            ? $"{text} is not in {RangeText}"
            : $"{text} has more than two decimals (variants are named to 0.01)";
    }

    /// <summary>
    /// Parses pf as written by a person or a query string: digits with at most one decimal point (<c>0.7</c>,
    /// <c>.5</c>, <c>0</c>); no sign, no white space, no exponent, no thousands separators.
    /// </summary>
    public static bool TryParse(string? text, out PruningFactor factor)
    {
        factor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 32 || text == ".")
        {
            return false;
        }

        var points = 0;
        foreach (var c in text)
        {
            if (c == '.')
            {
                points++;
            }
            else if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return points <= 1
            && double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && TryOf(value, out factor);
    }

    /// <summary>Parses pf (see <see cref="TryParse"/>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="what">What the value is called in the message (a field, a query parameter).</param>
    /// <exception cref="EdgeInferInputException">"<paramref name="what"/> 'x' is not a number in [0, 0.99] with at most two decimals."</exception>
    public static PruningFactor Parse(string? text, string what = "pruning factor") =>
        TryParse(text, out var factor) ? factor : throw new EdgeInferInputException(ParseProblem(text, what));

    /// <summary>The message for text that is not a pf.</summary>
    public static string ParseProblem(string? text, string what = "pruning factor") =>
        $"{what} '{text}' is not a number in {RangeText} with at most two decimals.";

    /// <summary>The value with two decimals, as in variant names: <c>0.70</c>.</summary>
    public string Name => Value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public int CompareTo(PruningFactor other) => hundredths.CompareTo(other.hundredths);

    /// <summary>The shortest text that parses back: <c>0.7</c>.</summary>
    public override string ToString() => Value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Orders by value.</summary>
    public static bool operator <(PruningFactor left, PruningFactor right) => left.CompareTo(right) < 0;

    /// <summary>Orders by value.</summary>
    public static bool operator >(PruningFactor left, PruningFactor right) => left.CompareTo(right) > 0;

    /// <summary>Orders by value.</summary>
    public static bool operator <=(PruningFactor left, PruningFactor right) => left.CompareTo(right) <= 0;

    /// <summary>Orders by value.</summary>
    public static bool operator >=(PruningFactor left, PruningFactor right) => left.CompareTo(right) >= 0;
}
