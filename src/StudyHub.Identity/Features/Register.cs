using Microsoft.AspNetCore.Identity;
using StudyHub.Identity.Mail;

namespace StudyHub.Identity.Features;

public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName, string? Role, DateOnly? BirthDate);

public sealed record RegisteredUser(Guid Id, string Email, string DisplayName, string Role, bool AwaitingParentalConsent);

/// <summary>
/// Creates a student, teacher or parent account and mails it a verification link. Admins are made
/// only by the demo data or the command line.
/// An address that already has an account gets the same answer as a new one (201 with the same
/// shape; the id is a fresh random one that names nothing), after the same work (a password hash,
/// a write and a queued mail), and its owner is told by mail that someone tried: registering
/// reveals nobody's account.
/// </summary>
internal sealed class Register(
    AccountsDbContext db,
    AccountProvisioning provisioning,
    VerifyEmail verification,
    Mailbox mailbox,
    MailLinks urls,
    IPasswordHasher<User> hasher,
    IAuditLog audit,
    TimeProvider clock)
{
    private static readonly Role[] SelfServiceRoles = [Role.Student, Role.Teacher, Role.Parent];

    public async Task<RegisteredUser> HandleAsync(RegisterRequest request, CancellationToken cancellationToken) =>
        (await HandleWithOutcomeAsync(request, cancellationToken)).User;

    /// <summary>Also says whether an account was created: only for the web page, which signs a new account in.</summary>
    internal async Task<(RegisteredUser User, bool Created)> HandleWithOutcomeAsync(RegisterRequest request, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var errors = new FieldErrors();
        var email = AccountRules.ValidateEmail(errors, request.Email);
        AccountRules.ValidatePassword(errors, "password", request.Password, request.Email);
        AccountRules.ValidateDisplayName(errors, "displayName", request.DisplayName);

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

        var birthDate = role == Role.Student ? request.BirthDate : null;
        var normalized = AccountRules.NormalizeEmail(email!);
        var existing = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        if (existing is null)
        {
            try
            {
                var user = await provisioning.CreateAsync(email, request.Password, request.DisplayName, role, birthDate, cancellationToken, alongside: verification.QueueLink);
                return (new RegisteredUser(user.Id, user.Email, user.DisplayName, AccountRules.RoleName(user.Role), user.IsAwaitingConsent(today)), true);
            }
            catch (ConflictException taken) when (taken.Code == "email_taken")
            {
                // Another registration for the address committed first: answer as for any existing one.
                db.ChangeTracker.Clear();
                existing = await db.Users.AsNoTracking().FirstAsync(u => u.NormalizedEmail == normalized, cancellationToken);
            }
        }

        return (await AnswerForExistingAsync(existing, request, email!, role, birthDate, today, cancellationToken), false);
    }

    private async Task<RegisteredUser> AnswerForExistingAsync(User existing, RegisterRequest request, string email, Role role, DateOnly? birthDate, DateOnly today, CancellationToken cancellationToken)
    {
        // The hash a new account would cost, so the two answers take the same time.
        var standIn = new User { Email = email, NormalizedEmail = existing.NormalizedEmail, DisplayName = "-", PasswordHash = string.Empty, Role = role, BirthDate = birthDate };
        standIn.PasswordHash = hasher.HashPassword(standIn, request.Password!);
        if (existing.ErasedAt is null)
        {
            mailbox.Enqueue(MailTemplates.RegistrationAttempt(existing.PreferredLanguage, existing.Email, existing.DisplayName, urls.To("/signin"), urls.To("/forgot-password")));
        }

        audit.Record(AuditEvents.RegistrationAttempted, null, existing.Id, "registration with an address that has an account");
        await db.SaveChangesAsync(cancellationToken);
        var displayName = AccountRules.ValidateDisplayName(new FieldErrors(), "displayName", request.DisplayName)!;
        return new RegisteredUser(Guid.NewGuid(), email, displayName, AccountRules.RoleName(role), standIn.IsAwaitingConsent(today));
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
            .ProducesValidationProblem();
}
