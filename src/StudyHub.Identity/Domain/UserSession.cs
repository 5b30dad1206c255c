namespace StudyHub.Identity.Domain;

/// <summary>
/// A signed-in device: one refresh-token family (API) or one cookie sign-in (web UI).
/// Revoking it ends every token of the family.
/// </summary>
internal sealed class UserSession
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public SessionKind Kind { get; set; }

    public required string DeviceName { get; set; }

    public string? IpAddress { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime LastSeenAt { get; set; }

    /// <summary>Absolute end of the session; refresh does not extend past it.</summary>
    public DateTime ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public string? RevokedReason { get; set; }

    public bool IsActive(DateTime now) => RevokedAt is null && ExpiresAt > now;
}

internal enum SessionKind
{
    Api = 0,
    Web = 1,
}
