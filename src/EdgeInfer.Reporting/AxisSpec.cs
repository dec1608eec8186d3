namespace EdgeInfer.Reporting;

/// <summary>
/// One axis: its label, which must name the unit (e.g. "pruning factor pf (fraction)", "inference time (ms)"),
/// optional fixed limits, and whether it is logarithmic (base 10; then every value and limit must be &gt; 0).
/// </summary>
/// <param name="Label">Axis label with unit.</param>
/// <param name="Logarithmic">Base-10 log scale.</param>
/// <param name="Minimum">Lower limit in data units, or null for automatic.</param>
/// <param name="Maximum">Upper limit in data units, or null for automatic.</param>
public sealed record AxisSpec(string Label, bool Logarithmic = false, double? Minimum = null, double? Maximum = null);
