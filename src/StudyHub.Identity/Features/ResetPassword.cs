using Microsoft.AspNetCore.Identity;
using StudyHub.Identity.Mail;

namespace StudyHub.Identity.Features;

public sealed record ResetPasswordRequest(string? Token, string? NewPassword);

/// <summary>
/// Sets a new password from a mailed link: the link is used up, every session of the account is
/// revoked, its sign-in lockouts end (a reset link always works), the address counts as verified
/// (the link reached it), and the owner is told by mail. One save commits all of it.
/// </summary>
internal sealed class ResetPassword(
    AccountsDbContext db,
    OneTimeLinks links,
    IPasswordHasher<User> hasher,
    SessionRevocations revocations,
    SignInThrottle throttle,
    Mailbox mailbox,
    MailLinks urls,
    IAuditLog audit,
    TimeProvider clock)
{
    public async Task HandleAsync(ResetPasswordRequest request, CancellationToken cancellationToken)
    {
        var (_, user) = await links.RedeemAsync(request.Token, AccountTokenPurposes.ResetPassword, cancellationToken);
        var errors = new FieldErrors();
        AccountRules.ValidatePassword(errors, "newPassword", request.NewPassword, user.Email);
        errors.ThrowIfAny();

        var now = clock.GetUtcNow().UtcDateTime;
        user.PasswordHash = hasher.HashPassword(user, request.NewPassword!);
        user.FailedSignInCount = 0;
        user.EmailVerifiedAt ??= now;
        user.UpdatedAt = now;
        foreach (var session in await db.Sessions.Where(s => s.UserId == user.Id && s.RevokedAt == null).ToListAsync(cancellationToken))
        {
            revocations.Revoke(session, "password_reset");
        }

        audit.Record(AuditEvents.PasswordReset, null, user.Id, null);
        mailbox.Enqueue(MailTemplates.PasswordWasReset(user.PreferredLanguage, user.Email, user.DisplayName, urls.To("/forgot-password")));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another request redeemed the same link between our read and our write.
            throw OneTimeLinks.Used();
        }

        await throttle.ClearAccountAsync(user.NormalizedEmail, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/auth/reset-password", async Task<NoContent> (ResetPasswordRequest request, ResetPassword handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(request, ct);
                return TypedResults.NoContent();
            })
            .AllowAnonymous()
            .WithName("ResetPassword")
            .WithSummary("Choose a new password with the token from a reset mail; signs the account out everywhere.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status400BadRequest); // link_invalid, link_expired, link_used
}
