using EdgeInfer.Edge.Api;

namespace EdgeInfer.Edge.Variants;

/// <summary>The cache's 507 Insufficient Storage answers, and how a full disk is recognised.</summary>
public static class StorageProblems
{
    /// <summary>HTTP 507 Insufficient Storage (RFC 4918).</summary>
    public const int InsufficientStorage = 507;

    /// <summary>The title of every 507.</summary>
    public const string Title = "Insufficient storage";

    /// <summary>A 507 with <paramref name="detail"/>.</summary>
    public static EdgeProblemException Full(string detail) => new(InsufficientStorage, Title, detail);

    /// <summary>True for an <see cref="IOException"/> that says the disk (or quota) is full: ENOSPC/EDQUOT on Unix, ERROR_DISK_FULL on Windows.</summary>
    public static bool IsDiskFull(IOException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var code = exception.HResult & 0xFFFF;
        return exception.HResult is 28 or 122 || code is 112 or 39
            || exception.Message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase);
    }
}
