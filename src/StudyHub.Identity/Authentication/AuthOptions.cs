using System.ComponentModel.DataAnnotations;

namespace StudyHub.Identity.Authentication;

/// <summary>The <c>Auth</c> configuration section.</summary>
internal sealed class AuthOptions
{
    public const string Section = "Auth";

    [Required]
    public string Issuer { get; set; } = "studyhub";

    [Required]
    public string Audience { get; set; } = "studyhub-api";

    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// An RSA private key in PEM. When empty, one is generated once and kept in the database,
    /// so every instance of a cluster signs and validates with the same key.
    /// </summary>
    public string? SigningKeyPem { get; set; }

    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    [Range(1, 10_000)]
    public int SignInAttemptsPerAccountPerMinute { get; set; } = 5;

    /// <summary>Generous, because a whole class may sign in from behind one school address.</summary>
    [Range(1, 100_000)]
    public int SignInAttemptsPerAddressPerMinute { get; set; } = 60;

    /// <summary>How long a password-reset link works (once).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan PasswordResetLinkLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long an email-verification link works (once).</summary>
    [Range(typeof(TimeSpan), "00:10:00", "30.00:00:00")]
    public TimeSpan EmailVerificationLinkLifetime { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Reset or verification mails that may be asked for one address an hour (so nobody can flood a mailbox).</summary>
    [Range(1, 1000)]
    public int MailRequestsPerAddressPerHour { get; set; } = 3;

    /// <summary>Reset or verification mails one client address may ask for an hour, whatever the addresses.</summary>
    [Range(1, 100_000)]
    public int MailRequestsPerClientPerHour { get; set; } = 20;
}
