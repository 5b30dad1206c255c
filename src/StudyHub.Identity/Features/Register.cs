using System.Net.Mail;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using StudyHub.Identity.Domain;
using StudyHub.Kernel.Errors;
using StudyHub.Kernel.Users;
using StudyHub.Kernel.Validation;

namespace StudyHub.Identity.Features;

public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName, string? Role, DateOnly? BirthDate);

public sealed record RegisteredUser(Guid Id, string Email, string DisplayName, string Role, bool AwaitingParentalConsent);

/// <summary>Creates a student, teacher or parent account. Admins are made only by the demo data or the command line.</summary>
internal sealed class Register(AccountProvisioning provisioning, TimeProvider clock)
{
    private static readonly Role[] SelfServiceRoles = [Role.Student, Role.Teacher, Role.Parent];

    public async Task<RegisteredUser> HandleAsync(RegisterRequest request, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var errors = new FieldErrors();
        var email = AccountRules.ValidateEmail(errors, request.Email);
        AccountRules.ValidatePassword(errors, "password", request.Password, request.Email);
        errors.RequireText("displayName", request.DisplayName, User.MaxDisplayNameLength);

        Role role = default;
        if (string.IsNullOrWhiteSpace(request.Role))
        {
            errors.Add("role", "is required: student, teacher or parent.");
        }
        else if (!AccountRules.TryParseRole(request.Role, out role) || !SelfServiceRoles.Contains(role))
        {
            errors.Add("role", "must be student, teacher or parent.");
        }

        if (role == Role.Student)
        {
            if (request.BirthDate is not { } birth)
            {
                errors.Add("birthDate", "is required for students (children under 13 need a parent's consent).");
            }
            else if (birth > today || birth < today.AddYears(-120))
            {
                errors.Add("birthDate", "must be a real date in the past.");
            }
            else if (birth > today.AddYears(-4))
            {
                errors.Add("birthDate", "students must be at least 4 years old.");
            }
        }

        errors.ThrowIfAny();

        var user = await provisioning.CreateAsync(email, request.Password, request.DisplayName, role, role == Role.Student ? request.BirthDate : null, cancellationToken);
        return new RegisteredUser(user.Id, user.Email, user.DisplayName, AccountRules.RoleName(user.Role), user.IsAwaitingConsent(today));
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/auth/register", async Task<Created<RegisteredUser>> (RegisterRequest request, Register handler, CancellationToken ct) =>
            {
                var user = await handler.HandleAsync(request, ct);
                return TypedResults.Created("/api/v1/me", user);
            })
            .AllowAnonymous()
            .WithName("Register")
            .WithSummary("Create a student, teacher or parent account.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}

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

    /// <summary>Returns the trimmed address when valid.</summary>
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

        if (!MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed || !trimmed.Contains('.', StringComparison.Ordinal))
        {
            errors.Add("email", "is not a valid email address.");
            return null;
        }

        return trimmed;
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
