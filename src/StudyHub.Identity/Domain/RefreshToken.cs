namespace StudyHub.Identity.Domain;

/// <summary>
/// One refresh token of a session's family. Only its SHA-256 hash is stored. Each use replaces
/// it; presenting a used one means it leaked, so the whole family is revoked.
/// </summary>
internal sealed class RefreshToken
{
    public Guid Id { get; set; }

    public Guid SessionId { get; set; }

    public required string TokenHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? UsedAt { get; set; }
}
