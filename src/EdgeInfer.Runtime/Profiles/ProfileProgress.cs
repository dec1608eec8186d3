namespace EdgeInfer.Runtime.Profiles;

/// <summary>One finished measurement of a profile run.</summary>
/// <param name="Step">Measurements finished so far, 1-based.</param>
/// <param name="TotalSteps">Measurements in the whole run.</param>
/// <param name="Message">One line saying what was measured and its median and p90.</param>
public sealed record ProfileProgress(int Step, int TotalSteps, string Message);
