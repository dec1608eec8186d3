namespace EdgeInfer.Reporting;

/// <summary>One candidate of a trade-off: a point where larger is better on both axes (e.g. speedup and Top-1).</summary>
/// <param name="Series">The group it belongs to (one legend entry and colour per group, e.g. a pruning method).</param>
/// <param name="Label">The point's own name (e.g. a variant, <c>channel-0.30</c>); kept in the CSV.</param>
/// <param name="X">Abscissa, larger is better.</param>
/// <param name="Y">Ordinate, larger is better.</param>
public sealed record ParetoPoint(string Series, string Label, double X, double Y);
