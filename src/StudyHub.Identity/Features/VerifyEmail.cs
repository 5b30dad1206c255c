using StudyHub.Identity.Mail;

namespace StudyHub.Identity.Features;

public sealed record VerifyEmailRequest(string? Token);

public sealed record VerifiedEmail(string Email, DateTime VerifiedAt);

/// <summary>Proves the owner reads the account's mailbox: a signed, single-use, expiring link mailed at registration or on request.</summary>
internal sealed class VerifyEmail(
    AccountsDbContext db,
    OneTimeLinks links,
    Mailbox mailbox,
    MailLinks urls,
    MailRequestThrottle throttle,
    ICurrentUser currentUser,
    IAuditLog audit,
    IOptions<AuthOptions> options,
    TimeProvider clock)
{
    /// <summary>Adds the verification mail for a new or changed address to the unit of work.</summary>
    public void QueueLink(User user)
    {
        var lifetime = options.Value.EmailVerificationLinkLifetime;
        var token = links.Issue(user, AccountTokenPurposes.VerifyEmail, lifetime);
        mailbox.Enqueue(MailTemplates.VerifyEmail(user.PreferredLanguage, user.Email, user.DisplayName, urls.To("/verify-email?token=" + Uri.EscapeDataString(token)), lifetime));
    }

    /// <summary>Sends a fresh link to the signed-in user's address.</summary>
    public async Task<MailRequestAccepted> ResendAsync(string? clientAddress, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var user = await db.Users.FirstAsync(u => u.Id == userId, cancellationToken);
        if (user.EmailVerifiedAt is not null)
        {
            throw new ConflictException("email_already_verified", "Your email address is already verified.");
        }

        await throttle.CountAsync(user.NormalizedEmail, clientAddress, cancellationToken);
        QueueLink(user);
        await db.SaveChangesAsync(cancellationToken);
        return new MailRequestAccepted($"We have sent a new link to {user.Email}.");
    }

    public async Task<VerifiedEmail> ConfirmAsync(VerifyEmailRequest request, CancellationToken cancellationToken)
    {
        var (_, user) = await links.RedeemAsync(request.Token, AccountTokenPurposes.VerifyEmail, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        user.EmailVerifiedAt ??= now;
        user.UpdatedAt = now;
        audit.Record(AuditEvents.EmailVerified, null, user.Id, null);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw OneTimeLinks.Used();
        }

        return new VerifiedEmail(user.Email, user.EmailVerifiedAt.Value);
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/auth/verify-email", async Task<Ok<VerifiedEmail>> (VerifyEmailRequest request, VerifyEmail handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ConfirmAsync(request, ct)))
            .AllowAnonymous()
            .WithName("VerifyEmail")
            .WithSummary("Confirm an email address with the token from a verification mail.")
            .ProducesProblem(StatusCodes.Status400BadRequest); // link_invalid, link_expired, link_used
        api.MapPost("/me/email-verification", async Task<Accepted<MailRequestAccepted>> (VerifyEmail handler, HttpContext http, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, await handler.ResendAsync(http.Connection.RemoteIpAddress?.ToString(), ct)))
            .RequireAuthorization()
            .WithTags("Accounts")
            .WithName("ResendEmailVerification")
            .WithSummary("Mail a new verification link to my address.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }
}
