namespace StudyHub.Identity.Domain;

internal sealed class User
{
    public const int MaxEmailLength = 254;
    public const int MaxDisplayNameLength = 80;

    /// <summary>COPPA: children under this age need a parent's verifiable consent.</summary>
    public const int ConsentAge = 13;

    public Guid Id { get; set; }

    public required string Email { get; set; }

    /// <summary>Lower-cased, trimmed email; unique.</summary>
    public required string NormalizedEmail { get; set; }

    public required string DisplayName { get; set; }

    public required string PasswordHash { get; set; }

    public Role Role { get; set; }

    public DateOnly? BirthDate { get; set; }

    public DateTime? ParentalConsentGrantedAt { get; set; }

    /// <summary>The parent (or teacher, for school-authorised consent) who gave consent.</summary>
    public Guid? ParentalConsentGrantedBy { get; set; }

    /// <summary>On what authority consent was given: <see cref="ConsentBases"/>.</summary>
    public string? ParentalConsentBasis { get; set; }

    /// <summary>When the owner followed a verification link sent to <see cref="Email"/> (or reset their password through it).</summary>
    public DateTime? EmailVerifiedAt { get; set; }

    public string PreferredLanguage { get; set; } = "en";

    public string TimeZone { get; set; } = "UTC";

    public string Theme { get; set; } = "system";

    public bool EmailNotifications { get; set; } = true;

    /// <summary>A parent's weekly progress mail about their children: opt-in (the issue: "emailed to parents who opt in"), so off until they ask.</summary>
    public bool WeeklySummary { get; set; }

    public int FailedSignInCount { get; set; }

    public DateTime? DisabledAt { get; set; }

    /// <summary>Set when the account was erased (GDPR); the row stays, anonymised, so references hold.</summary>
    public DateTime? ErasedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public bool IsUnder13(DateOnly today) => IsUnder13(Role, BirthDate, today);

    /// <summary>Only students are asked their age; a student without a birth date is not treated as a child.</summary>
    public static bool IsUnder13(Role role, DateOnly? birthDate, DateOnly today) =>
        role == Role.Student && birthDate is { } birth && birth.AddYears(ConsentAge) > today;

    /// <summary>An under-13 student without a parent's consent: may sign in, but uploads, AI features and public leaderboards stay closed.</summary>
    public bool IsAwaitingConsent(DateOnly today) => IsUnder13(today) && ParentalConsentGrantedAt is null;
}

/// <summary>The authorities under which a child under 13 may use the restricted features (COPPA).</summary>
internal static class ConsentBases
{
    /// <summary>A linked parent or guardian who declared being 18 or over.</summary>
    public const string Parent = "parent";

    /// <summary>The child's teacher, for classroom use on the school's authority.</summary>
    public const string School = "school";
}
