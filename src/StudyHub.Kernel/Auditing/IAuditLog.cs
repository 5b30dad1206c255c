namespace StudyHub.Kernel.Auditing;

/// <summary>Security events (sign-ins, failures, token reuse, role changes, consent, export, erasure).</summary>
public interface IAuditLog
{
    /// <summary>
    /// Adds an event to the current use case's unit of work: it is stored by the use case's own
    /// save, in the same transaction as the change it describes, and never saves anything itself.
    /// <paramref name="actorId"/> is who did it (null when anonymous), <paramref name="subjectId"/> whom it concerns.
    /// </summary>
    void Record(string eventType, Guid? actorId, Guid? subjectId, string? detail);
}

public static class AuditEvents
{
    public const string Registered = "account.registered";
    public const string SignedIn = "auth.signed_in";
    public const string SignInFailed = "auth.sign_in_failed";
    public const string LockedOut = "auth.locked_out";
    public const string SignedOut = "auth.signed_out";
    public const string RefreshTokenReused = "auth.refresh_token_reused";
    public const string SessionRevoked = "auth.session_revoked";
    public const string PasswordChanged = "account.password_changed";
    public const string PasswordResetRequested = "account.password_reset_requested";
    public const string PasswordReset = "account.password_reset";
    public const string EmailVerified = "account.email_verified";
    public const string RegistrationAttempted = "account.registration_attempted";
    public const string RoleChanged = "admin.role_changed";
    public const string AccountDisabled = "admin.account_disabled";
    public const string AccountEnabled = "admin.account_enabled";
    public const string ParentLinked = "consent.parent_linked";
    public const string ConsentGranted = "consent.granted";
    public const string ConsentRevoked = "consent.revoked";
    public const string DataExported = "privacy.exported";
    public const string DataErased = "privacy.erased";
}
