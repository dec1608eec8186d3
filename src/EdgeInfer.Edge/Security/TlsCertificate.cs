using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using EdgeInfer.Core;

namespace EdgeInfer.Edge.Security;

/// <summary>
/// The server certificate for <c>https</c> URLs: a PEM certificate with its PEM key (in <see cref="KeyPath"/>, or in the
/// certificate file itself), optionally encrypted with <see cref="Password"/>; or a PKCS#12 file (<c>.pfx</c>/<c>.p12</c>)
/// with its password. The password is never printed (<see cref="ToString"/> leaves it out).
/// </summary>
public sealed record TlsCertificate
{
    /// <summary>The certificate file: PEM (<c>-----BEGIN CERTIFICATE-----</c>) or PKCS#12.</summary>
    public required string CertificatePath { get; init; }

    /// <summary>The PEM private key; null: in the certificate file (PEM), or none needed (PKCS#12).</summary>
    public string? KeyPath { get; init; }

    /// <summary>The password of an encrypted PEM key or of a PKCS#12 file; null for none.</summary>
    public string? Password { get; init; }

    /// <summary>Whether the certificate file is PKCS#12 rather than PEM (by its extension, else by its content).</summary>
    public bool IsPkcs12 =>
        Path.GetExtension(CertificatePath).ToLowerInvariant() is ".pfx" or ".p12"
        || (File.Exists(CertificatePath) && !File.ReadAllText(CertificatePath, Encoding.ASCII).Contains("-----BEGIN", StringComparison.Ordinal));

    /// <summary>Adds a line per missing file to <paramref name="problems"/>.</summary>
    internal void AddProblems(List<string> problems)
    {
        if (!File.Exists(CertificatePath))
        {
            problems.Add($"TLS certificate file '{CertificatePath}' does not exist");
        }

        if (KeyPath is not null && !File.Exists(KeyPath))
        {
            problems.Add($"TLS key file '{KeyPath}' does not exist");
        }
    }

    /// <summary>Loads the certificate with its private key; a file that does not load is an <see cref="EdgeInferInputException"/> naming it.</summary>
    public X509Certificate2 Load()
    {
        try
        {
            var certificate = IsPkcs12
                ? X509CertificateLoader.LoadPkcs12FromFile(CertificatePath, Password)
                : Password is null
                    ? X509Certificate2.CreateFromPemFile(CertificatePath, KeyPath)
                    : X509Certificate2.CreateFromEncryptedPemFile(CertificatePath, Password, KeyPath);
            if (!certificate.HasPrivateKey)
            {
                certificate.Dispose();
                throw new EdgeInferInputException($"The TLS certificate '{CertificatePath}' has no private key; give it with --tls-key.");
            }

            if (IsPkcs12)
            {
                return certificate;
            }

            // A PEM key is ephemeral; SslStream on Windows needs it in a key store, which a PKCS#12 round trip gives (no-op elsewhere).
            using (certificate)
            {
                return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
            }
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or ArgumentException)
        {
            throw new EdgeInferInputException(
                $"Cannot load the TLS certificate '{CertificatePath}'{(KeyPath is null ? "" : $" with key '{KeyPath}'")}: {ex.Message}");
        }
    }

    /// <summary>The files, never the password.</summary>
    public override string ToString() =>
        $"TlsCertificate {{ CertificatePath = {CertificatePath}, KeyPath = {KeyPath}, Password = {(Password is null ? "none" : "(set)")} }}";
}
