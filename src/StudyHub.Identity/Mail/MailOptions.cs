using System.ComponentModel.DataAnnotations;

namespace StudyHub.Identity.Mail;

/// <summary>The <c>Mail</c> configuration section.</summary>
internal sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>
    /// The address links in mails point to (https://studyhub.example.org). When empty, the first
    /// address this server listens on; never the request's Host header, which a caller chooses.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>Where mails go when no SMTP host is set; relative paths are under <c>DataDirectory</c>.</summary>
    public string PickupFolder { get; set; } = "mail-outbox";

    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    public SmtpOptions Smtp { get; set; } = new();
}

internal sealed class SmtpOptions
{
    /// <summary>Empty: mails are written as .eml files to <see cref="MailOptions.PickupFolder"/> instead of sent.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>STARTTLS (or implicit TLS on port 465) when true; plain SMTP only for a relay on a trusted network or a local catcher.</summary>
    public bool UseTls { get; set; } = true;

    [Required]
    public string From { get; set; } = "StudyHub <no-reply@studyhub.local>";

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
