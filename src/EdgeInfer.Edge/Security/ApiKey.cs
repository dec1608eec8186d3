using System.Security.Cryptography;
using System.Text;
using EdgeInfer.Core;

namespace EdgeInfer.Edge.Security;

/// <summary>
/// One client's API key: its name (what logs, metrics and rate limits see), its role, and the SHA-256 digest of its
/// secret. The secret itself is not kept, so neither <see cref="ToString"/> nor a memory dump of the options shows it;
/// a presented key is hashed and compared with <see cref="CryptographicOperations.FixedTimeEquals"/>.
/// </summary>
public sealed class ApiKey
{
    /// <summary>Shortest accepted secret, in characters (e.g. <c>openssl rand -hex 32</c> gives 64).</summary>
    public const int MinSecretLength = 16;

    /// <summary>Longest accepted name, in characters.</summary>
    public const int MaxNameLength = 64;

    private readonly byte[] digest;

    private ApiKey(string name, ApiKeyRole role, byte[] digest)
    {
        Name = name;
        Role = role;
        this.digest = digest;
    }

    /// <summary>The client's name: letters, digits, <c>.</c>, <c>_</c>, <c>-</c>.</summary>
    public string Name { get; }

    /// <summary>What the key may do.</summary>
    public ApiKeyRole Role { get; }

    /// <summary>
    /// A key from its secret; throws <see cref="EdgeInferInputException"/> naming what is wrong. The message quotes neither
    /// field: a line written in the wrong order would otherwise print its secret as the name.
    /// </summary>
    public static ApiKey Create(string name, ApiKeyRole role, string secret)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(secret);
        var problems = Problems(name, secret);
        return problems.Count == 0
            ? new ApiKey(name, role, Digest(secret))
            : throw new EdgeInferInputException("Invalid API key: " + string.Join("; ", problems) + ".");
    }

    /// <summary>What is wrong with a name and secret (empty when nothing); the secret is never quoted.</summary>
    internal static List<string> Problems(string name, string secret)
    {
        var problems = new List<string>();
        if (name.Length is 0 or > MaxNameLength || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            problems.Add($"the name must be 1 to {MaxNameLength} letters, digits, '.', '_' or '-'");
        }

        if (secret.Length < MinSecretLength)
        {
            problems.Add($"the secret has {secret.Length} characters, fewer than {MinSecretLength}");
        }

        if (!secret.All(c => c is > ' ' and < (char)127))
        {
            problems.Add("the secret must be printable ASCII without spaces (it travels in an HTTP header)");
        }

        return problems;
    }

    /// <summary>SHA-256 of the UTF-8 bytes of <paramref name="secret"/>: fixed length, so comparisons take the same time for any input.</summary>
    internal static byte[] Digest(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>Whether <paramref name="presentedDigest"/> (from <see cref="Digest"/>) is this key's, in constant time.</summary>
    internal bool Matches(ReadOnlySpan<byte> presentedDigest) => CryptographicOperations.FixedTimeEquals(digest, presentedDigest);

    /// <summary>Whether two keys have the same secret.</summary>
    internal bool SameSecretAs(ApiKey other) => CryptographicOperations.FixedTimeEquals(digest, other.digest);

    /// <summary>The name and role, never the secret.</summary>
    public override string ToString() => $"{Name} ({Role.ToString().ToLowerInvariant()})";
}
