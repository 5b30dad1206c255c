namespace StudyHub.Identity.Domain;

/// <summary>
/// A one-time link sent by mail: verify an address or reset a password. Only the SHA-256 hash of
/// its secret is stored; the link itself is signed (Data Protection) so a tampered link is refused
/// before any lookup. Redeeming sets <see cref="UsedAt"/> (a concurrency token: of two
/// simultaneous redemptions exactly one wins).
/// </summary>
internal sealed class AccountToken
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    /// <summary><see cref="AccountTokenPurposes"/>.</summary>
    public required string Purpose { get; set; }

    public required string SecretHash { get; set; }

    /// <summary>The address a verification link confirms (the account's address may change later).</summary>
    public required string Email { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? UsedAt { get; set; }
}

internal static class AccountTokenPurposes
{
    public const string VerifyEmail = "verify_email";
    public const string ResetPassword = "reset_password";
}
