namespace EdgeInfer.Reporting;

/// <summary>The three files written for one chart: the data (CSV) and the picture (PNG, SVG).</summary>
public sealed record ChartFiles(string Csv, string Png, string Svg);
