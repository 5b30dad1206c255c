using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;

namespace StudyHub.Identity.Authentication;

/// <summary>
/// Encrypts the Data Protection keys (they seal cookies, antiforgery tokens and one-time mail links)
/// before they are written to the database, when <c>DataProtection:CertificatePath</c> names a PKCS#12
/// file with a private key. Without it the keys are stored readable by whoever can read the database,
/// and the framework says so in its start-up warning. Certificates listed in
/// <c>DataProtection:PreviousCertificatePaths</c> only decrypt, so keys written under a certificate
/// being rotated out stay readable until they expire.
/// </summary>
internal static class DataProtectionKeyEncryption
{
    public const string Section = "DataProtection";

    public static IDataProtectionBuilder ProtectKeysWithConfiguredCertificate(this IDataProtectionBuilder keys, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var path = section["CertificatePath"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return keys;
        }

        var password = section["CertificatePassword"];
        var current = Load("CertificatePath", path, password);
        var previous = section.GetSection("PreviousCertificatePaths").Get<string[]>() ?? [];
        var all = previous.Select((file, index) => Load($"PreviousCertificatePaths:{index}", file, password)).Prepend(current).ToArray();
        // Decryption must not depend on the machine's certificate store: a container has none.
        return keys.ProtectKeysWithCertificate(current).UnprotectKeysWithAnyCertificate(all);
    }

    private static X509Certificate2 Load(string key, string path, string? password)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception exception) when (exception is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw Invalid(key, $"cannot read the certificate '{path}' ({exception.Message.TrimEnd('.')})");
        }

        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
        {
            throw Invalid(key, $"the certificate '{path}' has no RSA private key, which Data Protection needs to decrypt its keys");
        }

        return certificate;
    }

    // Reported by the host as one "Configuration error" line, like any other invalid setting.
    private static OptionsValidationException Invalid(string key, string reason) =>
        new(Section, typeof(DataProtectionKeyEncryption), [$"{Section}:{key}: {reason}."]);
}
