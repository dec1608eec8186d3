namespace EdgeInfer.Study.Figures;

/// <summary>A figure of the study: file stem (e.g. <c>fig3</c>), title, caption and its panels (side by side).</summary>
public sealed record Figure(string Name, string Title, string Caption, IReadOnlyList<FigurePanel> Panels);
