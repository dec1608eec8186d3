namespace EdgeInfer.Study.Running;

/// <summary>One finished step of the study.</summary>
/// <param name="Phase">Phase name (<c>models</c>, <c>device</c>, <c>edge</c>, <c>pruning</c>, <c>accuracy</c>, <c>figures</c>, <c>report</c>).</param>
/// <param name="Step">Steps finished in this phase, 1-based.</param>
/// <param name="Total">Steps in this phase.</param>
/// <param name="Message">What was done, with the value (and "cached" when reused).</param>
public sealed record StudyProgress(string Phase, int Step, int Total, string Message);
