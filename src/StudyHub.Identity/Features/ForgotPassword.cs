using StudyHub.Identity.Mail;

namespace StudyHub.Identity.Features;

public sealed record ForgotPasswordRequest(string? Email);

public sealed record MailRequestAccepted(string Message);

/// <summary>
/// Mails a one-hour, single-use reset link. The answer is the same whether or not the address has
/// an account, and both paths write (an audit entry) so they take the same time.
/// </summary>
internal sealed class ForgotPassword(
    AccountsDbContext db,
    OneTimeLinks links,
    Mailbox mailbox,
    MailLinks urls,
    MailRequestThrottle throttle,
    IAuditLog audit,
    IOptions<AuthOptions> options)
{
    public static readonly MailRequestAccepted Accepted = new("If an account uses this address, we have sent it a link to choose a new password. The link works once, for one hour.");

    public async Task<MailRequestAccepted> HandleAsync(ForgotPasswordRequest request, string? clientAddress, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.RequireText("email", request.Email, User.MaxEmailLength);
        errors.ThrowIfAny();

        var normalized = AccountRules.NormalizeEmail(request.Email!);
        await throttle.CountAsync(normalized, clientAddress, cancellationToken);
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized && u.ErasedAt == null && u.DisabledAt == null, cancellationToken);
        if (user is null)
        {
            audit.Record(AuditEvents.PasswordResetRequested, null, null, "no active account");
        }
        else
        {
            var lifetime = options.Value.PasswordResetLinkLifetime;
            var token = links.Issue(user, AccountTokenPurposes.ResetPassword, lifetime);
            mailbox.Enqueue(MailTemplates.PasswordReset(user.PreferredLanguage, user.Email, user.DisplayName, urls.To("/reset-password?token=" + Uri.EscapeDataString(token)), lifetime));
            audit.Record(AuditEvents.PasswordResetRequested, null, user.Id, null);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Accepted;
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/auth/forgot-password", async Task<Accepted<MailRequestAccepted>> (ForgotPasswordRequest request, ForgotPassword handler, HttpContext http, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, await handler.HandleAsync(request, http.Connection.RemoteIpAddress?.ToString(), ct)))
            .AllowAnonymous()
            .WithName("ForgotPassword")
            .WithSummary("Mail a password-reset link (one hour, single use). Answers the same whether or not the address has an account.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
