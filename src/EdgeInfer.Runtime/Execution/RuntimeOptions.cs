using EdgeInfer.Core;

namespace EdgeInfer.Runtime.Execution;

/// <summary>
/// How a <see cref="RuntimeSession"/> runs a model. Immutable; validated once by <see cref="Validated"/>, which
/// lists every problem in one message. Execution is always sequential with every graph optimisation enabled.
/// </summary>
public sealed record RuntimeOptions
{
    /// <summary>The role; decides the default intra-op thread count.</summary>
    public RuntimeRole Role { get; init; } = RuntimeRole.Device;

    /// <summary>
    /// Intra-op threads of the session, in [1, 1024]; null takes the role's default: 1 for
    /// <see cref="RuntimeRole.Device"/>, <see cref="Environment.ProcessorCount"/> for <see cref="RuntimeRole.Edge"/>.
    /// </summary>
    public int? IntraOpThreads { get; init; }

    /// <summary>Untimed runs made when the session opens, in [0, 1000]; default 3. They fault pages in and let ORT settle its allocations.</summary>
    public int WarmupRuns { get; init; } = 3;

    /// <summary>
    /// Whether idle intra-op threads spin (ORT's <c>session.intra_op.allow_spinning</c>). Default true (ORT's default).
    /// Ignored with one intra-op thread, which has no pool.
    /// </summary>
    public bool AllowSpinning { get; init; } = true;

    /// <summary>Seed of the deterministic input tensor (uniform in [0, 1)); default 42.</summary>
    public int InputSeed { get; init; } = 42;

    /// <summary>Device role with its defaults.</summary>
    public static RuntimeOptions Device { get; } = new() { Role = RuntimeRole.Device };

    /// <summary>Edge role with its defaults.</summary>
    public static RuntimeOptions Edge { get; } = new() { Role = RuntimeRole.Edge };

    /// <summary>The default options for <paramref name="role"/>.</summary>
    public static RuntimeOptions ForRole(RuntimeRole role) => role == RuntimeRole.Device ? Device : Edge;

    /// <summary>The intra-op thread count actually used.</summary>
    public int EffectiveIntraOpThreads => IntraOpThreads ?? (Role == RuntimeRole.Device ? 1 : Environment.ProcessorCount);

    /// <summary>Checks every field; throws one <see cref="EdgeInferInputException"/> listing every problem.</summary>
    /// <returns>This instance, for chaining.</returns>
    public RuntimeOptions Validated()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Role))
        {
            problems.Add($"role {(int)Role} is not one of device, edge");
        }

        if (IntraOpThreads is < 1 or > 1024)
        {
            problems.Add($"intra-op threads {IntraOpThreads} is outside [1, 1024]");
        }

        if (WarmupRuns is < 0 or > 1000)
        {
            problems.Add($"warm-up runs {WarmupRuns} is outside [0, 1000]");
        }

        if (problems.Count > 0)
        {
            throw new EdgeInferInputException("Invalid runtime options: " + string.Join("; ", problems) + ".");
        }

        return this;
    }
}
