namespace StudyHub.Identity.Domain;

/// <summary>
/// The access-token signing key, generated once and shared through the database so every
/// instance of a cluster signs and validates with the same key.
/// </summary>
internal sealed class SigningKey
{
    public required string Id { get; set; }

    public required string Algorithm { get; set; }

    /// <summary>PKCS#8 private key, base64.</summary>
    public required string PrivateKey { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? RetiredAt { get; set; }
}
