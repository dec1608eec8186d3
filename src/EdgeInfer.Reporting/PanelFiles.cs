namespace EdgeInfer.Reporting;

/// <summary>The pictures of a multi-panel figure (its data is written by the caller).</summary>
public sealed record PanelFiles(string Png, string Svg);
