namespace EdgeInfer.Runtime.Profiles;

/// <summary>
/// Runs a <see cref="Profiler"/> and writes the profile only once it is complete, atomically
/// (<see cref="ProfileFile.Write"/>): a cancelled or failed run leaves no file, and an existing file at the
/// output path untouched. This is the documented Ctrl-C behaviour of <c>edgeinfer profile</c>.
/// </summary>
public static class ProfileRunner
{
    /// <summary>Measures <paramref name="targets"/> and writes the complete profile to <paramref name="outputPath"/>.</summary>
    /// <returns>The profile written.</returns>
    public static ProfileDocument RunToFile(
        Profiler profiler,
        IReadOnlyList<ProfileTarget> targets,
        string outputPath,
        Action<ProfileProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profiler);
        var profile = profiler.Run(targets, progress, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        ProfileFile.Write(outputPath, profile);
        return profile;
    }
}
