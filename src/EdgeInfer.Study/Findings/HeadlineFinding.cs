namespace EdgeInfer.Study.Findings;

/// <summary>One headline finding of the paper next to ours.</summary>
/// <param name="Finding">The claim, in the paper's words.</param>
/// <param name="Paper">The paper's value.</param>
/// <param name="Ours">Our measured value.</param>
/// <param name="Comment">One sentence: agreement, or why it differs.</param>
public sealed record HeadlineFinding(string Finding, string Paper, string Ours, string Comment);
