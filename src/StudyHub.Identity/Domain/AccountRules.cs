using System.Globalization;
using System.Net.Mail;
using System.Text;

namespace StudyHub.Identity.Domain;

/// <summary>Rules shared by registration, profile updates and password changes.</summary>
internal static class AccountRules
{
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 128;

    public static string RoleName(Role role) => role.ToString().ToLowerInvariant();

    /// <summary>Exactly one role by name; unlike Enum.TryParse, no numbers and no "student,admin" flag combinations.</summary>
    public static bool TryParseRole(string? text, out Role role)
    {
        role = default;
        var name = text?.Trim();
        foreach (var candidate in Enum.GetValues<Role>())
        {
            if (string.Equals(RoleName(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>The unique key of an address: trimmed and lower-cased (addresses are ASCII, see <see cref="ValidateEmail"/>).</summary>
    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    /// <summary>
    /// Returns the trimmed address when valid. Only ASCII is accepted: fullwidth letters, Cyrillic
    /// lookalikes and zero-width characters would otherwise make a second account that reads like
    /// someone else's address.
    /// </summary>
    public static string? ValidateEmail(FieldErrors errors, string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            errors.Add("email", "is required.");
            return null;
        }

        var trimmed = email.Trim();
        if (trimmed.Length > User.MaxEmailLength)
        {
            errors.Add("email", $"must be at most {User.MaxEmailLength} characters.");
            return null;
        }

        if (!trimmed.All(char.IsAscii) || trimmed.Any(char.IsControl))
        {
            errors.Add("email", "may contain only ASCII letters, digits and symbols (no lookalike or invisible characters).");
            return null;
        }

        if (!MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed || !trimmed.Contains('.', StringComparison.Ordinal))
        {
            errors.Add("email", "is not a valid email address.");
            return null;
        }

        return trimmed;
    }

    /// <summary>
    /// Returns the display name NFKC-normalised and trimmed when valid. Control characters (NUL
    /// included), bidi overrides and isolates, zero-width and other invisible format characters are
    /// refused: they let one name pose as another or reorder the text around it.
    /// </summary>
    public static string? ValidateDisplayName(FieldErrors errors, string field, string? displayName)
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            errors.Add(field, "is required.");
            return null;
        }

        if (HasUnpairedSurrogate(displayName))
        {
            errors.Add(field, "contains characters that are not allowed.");
            return null;
        }

        var normalized = displayName.Normalize(NormalizationForm.FormKC).Trim();
        foreach (var rune in normalized.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned || rune == Rune.ReplacementChar)
            {
                errors.Add(field, "must not contain control, invisible (zero-width) or text-direction characters.");
                return null;
            }
        }

        if (normalized.Length == 0)
        {
            errors.Add(field, "is required.");
            return null;
        }

        if (normalized.Length > User.MaxDisplayNameLength)
        {
            errors.Add(field, $"must be at most {User.MaxDisplayNameLength} characters.");
            return null;
        }

        return normalized;
    }

    // Normalize throws on unpaired surrogates; such a name is refused, not a 500.
    private static bool HasUnpairedSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogate(text[i]) && !(char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[++i])))
            {
                return true;
            }
        }

        return false;
    }

    // Length over composition (NIST SP 800-63B), plus a refusal of the obvious.
    public static void ValidatePassword(FieldErrors errors, string field, string? password, string? email)
    {
        if (string.IsNullOrEmpty(password))
        {
            errors.Add(field, "is required.");
            return;
        }

        if (password.Length < MinPasswordLength)
        {
            errors.Add(field, $"must be at least {MinPasswordLength} characters.");
        }
        else if (password.Length > MaxPasswordLength)
        {
            errors.Add(field, $"must be at most {MaxPasswordLength} characters.");
        }
        else if (password.Distinct().Count() < 4)
        {
            errors.Add(field, "is too easy to guess: use more different characters.");
        }
        else if (email is not null && password.Equals(email.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(field, "must not be your email address.");
        }
        else if (CommonPasswords.Contains(password.ToLowerInvariant()))
        {
            errors.Add(field, "is one of the most common passwords: choose another.");
        }
    }

    private static readonly HashSet<string> CommonPasswords = new(StringComparer.Ordinal)
    {
        "password", "password1", "password123", "12345678", "123456789", "1234567890", "qwertyuiop",
        "qwerty123", "iloveyou", "11111111", "abc12345", "abcd1234", "letmein1", "welcome1", "football",
        "baseball", "sunshine", "princess", "superman", "starwars", "passw0rd", "trustno1", "whatever",
        "studyhub", "studyhub1", "homework", "student1", "teacher1",
    };
}
