namespace EdgeInfer.Runtime.Profiles;

/// <summary>The measurements of one role on one machine.</summary>
public sealed record RoleProfile
{
    /// <summary>The machine the role was measured on.</summary>
    public required MachineInfo Machine { get; init; }

    /// <summary>The exact settings of the measurement.</summary>
    public required ProfileSettings Settings { get; init; }

    /// <summary>When the measurement finished (UTC).</summary>
    public required DateTimeOffset MeasuredAtUtc { get; init; }

    /// <summary>One entry per model variant, in measurement order.</summary>
    public required IReadOnlyList<ProfiledModel> Models { get; init; }

    /// <summary>The entry for <paramref name="model"/> / <paramref name="variant"/>, or null.</summary>
    public ProfiledModel? Find(string model, string variant) =>
        Models.FirstOrDefault(
            m => string.Equals(m.Model, model, StringComparison.OrdinalIgnoreCase) && string.Equals(m.Variant, variant, StringComparison.OrdinalIgnoreCase));
}
