using Microsoft.AspNetCore.Identity;
using StudyHub.Kernel.Time;

namespace StudyHub.Identity.Features;

public sealed record UpdateProfileRequest(string? DisplayName);

public sealed record UpdatePreferencesRequest(string? Language, string? TimeZone, string? Theme, bool? EmailNotifications);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>The signed-in user changes their name, preferences or password.</summary>
internal sealed class UpdateProfile(
    AccountsDbContext db,
    ICurrentUser currentUser,
    IPasswordHasher<User> hasher,
    SessionRevocations revocations,
    IAuditLog audit,
    TimeProvider clock)
{
    public static readonly string[] Languages = ["en", "es", "fr", "de", "pt", "it", "nl", "pl", "uk", "ar", "zh", "ja", "ko", "hi", "vi", "tr"];
    public static readonly string[] Themes = ["system", "light", "dark"];

    public async Task<MyProfile> ChangeNameAsync(UpdateProfileRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var displayName = AccountRules.ValidateDisplayName(errors, "displayName", request.DisplayName);
        errors.ThrowIfAny();
        var user = await MeAsync(cancellationToken);
        user.DisplayName = displayName!;
        return await SaveAsync(user, cancellationToken);
    }

    public async Task<MyProfile> ChangePreferencesAsync(UpdatePreferencesRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.Language is not null && !Languages.Contains(request.Language))
        {
            errors.Add("language", $"must be one of {string.Join(", ", Languages)}.");
        }

        if (request.TimeZone is not null && !TimeZoneChoices.IsKnown(request.TimeZone))
        {
            errors.Add("timeZone", "must be an IANA time zone such as Europe/London.");
        }

        if (request.Theme is not null && !Themes.Contains(request.Theme))
        {
            errors.Add("theme", "must be system, light or dark.");
        }

        errors.ThrowIfAny();
        var user = await MeAsync(cancellationToken);
        user.PreferredLanguage = request.Language ?? user.PreferredLanguage;
        user.TimeZone = request.TimeZone ?? user.TimeZone;
        user.Theme = request.Theme ?? user.Theme;
        user.EmailNotifications = request.EmailNotifications ?? user.EmailNotifications;
        return await SaveAsync(user, cancellationToken);
    }

    /// <summary>Changes the password and signs out every other device.</summary>
    public async Task ChangePasswordAsync(ChangePasswordRequest request, CancellationToken cancellationToken)
    {
        var user = await MeAsync(cancellationToken);
        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(request.CurrentPassword) || request.CurrentPassword.Length > AccountRules.MaxPasswordLength
            || hasher.VerifyHashedPassword(user, user.PasswordHash, request.CurrentPassword) == PasswordVerificationResult.Failed)
        {
            errors.Add("currentPassword", "is not your current password.");
        }

        AccountRules.ValidatePassword(errors, "newPassword", request.NewPassword, user.Email);
        errors.ThrowIfAny();

        user.PasswordHash = hasher.HashPassword(user, request.NewPassword!);
        foreach (var session in await db.Sessions.Where(s => s.UserId == user.Id && s.RevokedAt == null && s.Id != currentUser.SessionId).ToListAsync(cancellationToken))
        {
            revocations.Revoke(session, "password_changed");
        }

        audit.Record(AuditEvents.PasswordChanged, user.Id, user.Id, null);
        await SaveAsync(user, cancellationToken);
    }

    private async Task<User> MeAsync(CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        return await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.ErasedAt == null, cancellationToken)
            ?? throw new UnauthorizedException("account_unavailable", "This account no longer exists.");
    }

    private async Task<MyProfile> SaveAsync(User user, CancellationToken cancellationToken)
    {
        user.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return GetMe.ToProfile(user, DateOnly.FromDateTime(user.UpdatedAt));
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPatch("/me", async Task<Ok<MyProfile>> (UpdateProfileRequest request, UpdateProfile handler, CancellationToken ct) => TypedResults.Ok(await handler.ChangeNameAsync(request, ct)))
            .RequireAuthorization().WithTags("Accounts").WithName("UpdateProfile").WithSummary("Change your display name.").ProducesValidationProblem();
        api.MapPut("/me/preferences", async Task<Ok<MyProfile>> (UpdatePreferencesRequest request, UpdateProfile handler, CancellationToken ct) => TypedResults.Ok(await handler.ChangePreferencesAsync(request, ct)))
            .RequireAuthorization().WithTags("Accounts").WithName("UpdatePreferences")
            .WithSummary("Change language, time zone, theme or email notifications (fields left out stay as they are).").ProducesValidationProblem();
        api.MapPost("/me/password", async Task<NoContent> (ChangePasswordRequest request, UpdateProfile handler, CancellationToken ct) =>
            {
                await handler.ChangePasswordAsync(request, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization().WithTags("Accounts").WithName("ChangePassword")
            .WithSummary("Change your password; your other devices are signed out.").ProducesValidationProblem();
    }
}
