using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using EdgeInfer.Core.Planning;

namespace EdgeInfer.Cli.Infrastructure;

/// <summary>
/// The accuracy minimum flags every deciding command declares the same way (<c>plan</c>, <c>device</c>):
/// <c>--min-top1</c> and <c>--min-top5</c>, fractions in [0, 1] checked by the parser (a bad value is a parse error naming
/// the flag). They fill <see cref="PlanningConstraints.MinTop1"/>/<see cref="PlanningConstraints.MinTop5"/> over the
/// scenario's; a variant below the minimum, or without a recorded accuracy, is ruled out and the plan says so.
/// </summary>
internal sealed class AccuracyFlags
{
    /// <summary><c>--min-top1 F</c>.</summary>
    public Option<double?> MinTop1 { get; } = Fraction("--min-top1", "Top-1");

    /// <summary><c>--min-top5 F</c>.</summary>
    public Option<double?> MinTop5 { get; } = Fraction("--min-top5", "Top-5");

    /// <summary>Adds both flags to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(MinTop1);
        command.Options.Add(MinTop5);
    }

    /// <summary><paramref name="constraints"/> with the minima given on the command line in place of its own.</summary>
    public PlanningConstraints Apply(ParseResult parse, PlanningConstraints constraints) => constraints with
    {
        MinTop1 = parse.GetValue(MinTop1) ?? constraints.MinTop1,
        MinTop5 = parse.GetValue(MinTop5) ?? constraints.MinTop5,
    };

    private static Option<double?> Fraction(string name, string metric) => new(name)
    {
        Description = $"Least {metric} accuracy a model variant must have to be chosen, a fraction in [0, 1] (0.8 = 80 %); "
            + $"a variant below it, or without a recorded {metric}, is ruled out and the plan says so.",
        HelpName = "fraction",
        CustomParser = result => result.Tokens.Count == 0 ? null : Parse(result, name),
    };

    private static double? Parse(ArgumentResult result, string name)
    {
        var text = result.Tokens[0].Value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1)
        {
            return value;
        }

        result.AddError($"{name} '{text}' is not a fraction in [0, 1] (0.8 is 80 %).");
        return null;
    }
}
