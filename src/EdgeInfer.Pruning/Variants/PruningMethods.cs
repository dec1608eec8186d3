using EdgeInfer.Core;

namespace EdgeInfer.Pruning.Variants;

/// <summary>
/// The one place where <see cref="PruningMethod"/>s get their names (<c>global</c>, <c>layer</c>, <c>channel</c>, <c>channel-ls</c>: in
/// variant names, repository metadata, profiles, query strings and CLI flags) and are parsed back.
/// </summary>
public static class PruningMethods
{
    private static readonly (PruningMethod Method, string Name)[] Table =
    [
        (PruningMethod.Global, "global"),
        (PruningMethod.Layer, "layer"),
        (PruningMethod.Channel, "channel"),
        (PruningMethod.ChannelLs, "channel-ls"),
    ];

    /// <summary>Every method's name, in declaration order (for help texts and <c>AcceptOnlyFromAmong</c>).</summary>
    public static IReadOnlyList<string> Names { get; } = Array.ConvertAll(Table, t => t.Name);

    /// <summary>The method's lower-case name, e.g. <c>global</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="method"/> is not a defined member.</exception>
    public static string Name(this PruningMethod method)
    {
        foreach (var (m, name) in Table)
        {
            if (m == method)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(method), method, "Not a pruning method.");
    }

    /// <summary>
    /// True for the methods that remove whole channels (<c>channel</c>, <c>channel-ls</c>): the model gets fewer MACs, so a
    /// <see cref="MacsBudget"/> applies to them and not to the magnitude methods.
    /// </summary>
    public static bool IsStructured(this PruningMethod method) => method is PruningMethod.Channel or PruningMethod.ChannelLs;

    /// <summary>True for the methods that need calibration images (<c>channel-ls</c>).</summary>
    public static bool NeedsCalibration(this PruningMethod method) => method is PruningMethod.ChannelLs;

    /// <summary>Parses a method name, ignoring case. No trimming: <c>" global"</c> is not a name.</summary>
    public static bool TryParse(string? text, out PruningMethod method)
    {
        foreach (var (m, name) in Table)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                method = m;
                return true;
            }
        }

        method = default;
        return false;
    }

    /// <summary>Parses a method name, ignoring case.</summary>
    /// <param name="text">The name.</param>
    /// <param name="what">What the value is called in the message (a field, a query parameter).</param>
    /// <exception cref="EdgeInferInputException">"<paramref name="what"/> 'x' is not one of global, layer, channel, channel-ls."</exception>
    public static PruningMethod Parse(string? text, string what = "pruning method") =>
        TryParse(text, out var method) ? method : throw new EdgeInferInputException(Problem(text, what));

    /// <summary>The message for a value that is not a method name.</summary>
    public static string Problem(string? text, string what = "pruning method") =>
        $"{what} '{text}' is not one of {string.Join(", ", Names)}.";
}
