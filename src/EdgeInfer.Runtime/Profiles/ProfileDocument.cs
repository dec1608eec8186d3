namespace EdgeInfer.Runtime.Profiles;

/// <summary>
/// A measured profile (the file <c>edgeinfer profile</c> writes): inference times per model and variant at the device
/// role and at the edge role under each emulated load, with the machine and settings each role was measured with.
/// Device and edge parts may come from different machines (<see cref="ProfileMerger"/>).
/// </summary>
public sealed record ProfileDocument
{
    /// <summary>The format version this code writes and reads.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Format version; must be <see cref="CurrentSchemaVersion"/>.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>
    /// True only when every requested measurement finished. The CLI writes a profile atomically once it is complete,
    /// so a file on disk is complete; readers that need measurements reject <c>false</c> anyway.
    /// </summary>
    public bool Complete { get; init; }

    /// <summary>Measurements at the device role (one core by default), or null when not measured.</summary>
    public RoleProfile? Device { get; init; }

    /// <summary>Measurements at the edge role for each load level, or null when not measured.</summary>
    public RoleProfile? Edge { get; init; }
}
