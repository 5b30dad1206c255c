using Microsoft.AspNetCore.Identity;
using StudyHub.Identity.Mail;

namespace StudyHub.Identity.Features;

public sealed record SignInRequest(string? Email, string? Password);

/// <summary>Checks a password, applies the lockout rule, and opens a session.</summary>
internal sealed class SignIn(
    AccountsDbContext db,
    IPasswordHasher<User> hasher,
    SessionTokens tokens,
    SignInThrottle throttle,
    IAuditLog audit,
    IdentityMetrics metrics,
    Mailbox mailbox,
    MailLinks urls,
    TimeProvider clock)
{
    // Hashing for unknown addresses too keeps the response time from telling which accounts exist.
    private static readonly Lazy<User> TimingDecoy = new(() =>
    {
        var decoy = new User { Email = "-", NormalizedEmail = "-", DisplayName = "-", PasswordHash = string.Empty };
        decoy.PasswordHash = new PasswordHasher<User>().HashPassword(decoy, Guid.NewGuid().ToString());
        return decoy;
    });

    /// <summary>
    /// On success the user, their new session and the audit entry are pending in the unit of work,
    /// for the caller to save once together with whatever it adds (tokens); a refusal is saved here.
    /// </summary>
    public async Task<(User User, UserSession Session)> VerifyAsync(SignInRequest request, SessionKind kind, string? device, string? ip, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.RequireText("email", request.Email, User.MaxEmailLength);
        if (string.IsNullOrEmpty(request.Password))
        {
            errors.Add("password", "is required.");
        }
        else if (request.Password.Length > AccountRules.MaxPasswordLength)
        {
            errors.Add("password", $"must be at most {AccountRules.MaxPasswordLength} characters.");
        }

        errors.ThrowIfAny();

        // Counted and locked by what was typed, before the account is looked up: an unknown
        // address is throttled and locked exactly like a known one (SignInThrottle has the rule).
        var normalized = AccountRules.NormalizeEmail(request.Email!);
        await throttle.CountAddressAsync(ip, cancellationToken);
        await throttle.CountAccountAsync(normalized, ip, cancellationToken);
        await throttle.EnsureNotLockedOutAsync(normalized, ip, cancellationToken);
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        if (user is null || user.ErasedAt is not null)
        {
            hasher.VerifyHashedPassword(TimingDecoy.Value, TimingDecoy.Value.PasswordHash, request.Password!);
            Count("unknown_account");
            audit.Record(await throttle.RecordFailureAsync(normalized, ip, cancellationToken) ? AuditEvents.LockedOut : AuditEvents.SignInFailed, null, null, "unknown account");
            await db.SaveChangesAsync(cancellationToken);
            throw InvalidCredentials();
        }

        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, request.Password!);
        if (verdict == PasswordVerificationResult.Failed)
        {
            // Kept on the account so its owner (and the export) can see that someone is guessing.
            user.FailedSignInCount++;
            Count("wrong_password");
            audit.Record(await throttle.RecordFailureAsync(normalized, ip, cancellationToken) ? AuditEvents.LockedOut : AuditEvents.SignInFailed, null, user.Id, "wrong password");
            await db.SaveChangesAsync(cancellationToken);
            throw InvalidCredentials();
        }

        if (user.DisabledAt is not null)
        {
            audit.Record(AuditEvents.SignInFailed, null, user.Id, "account disabled");
            await db.SaveChangesAsync(cancellationToken);
            throw new ForbiddenException("account_disabled", "This account has been disabled. Contact your school's administrator.");
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, request.Password!);
        }

        user.FailedSignInCount = 0;
        await throttle.RecordSuccessAsync(normalized, ip, cancellationToken);
        Count("success");
        var session = tokens.OpenSession(user, kind, device, ip);
        audit.Record(AuditEvents.SignedIn, user.Id, user.Id, kind.ToString());
        await TellOwnerOfNewDeviceAsync(user, session, cancellationToken);
        return (user, session);
    }

    public async Task<TokenResponse> HandleAsync(SignInRequest request, string? device, string? ip, CancellationToken cancellationToken)
    {
        var (user, session) = await VerifyAsync(request, SessionKind.Api, device, ip, cancellationToken);
        var response = await tokens.IssueAsync(user, session, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return response;
    }

    /// <summary>
    /// A sign-in from a device (browser or app, by its description) the account never used before
    /// mails the owner, in the same save as the session. The very first sign-in is no news.
    /// </summary>
    private async Task TellOwnerOfNewDeviceAsync(User user, UserSession session, CancellationToken cancellationToken)
    {
        var devices = await db.Sessions.Where(s => s.UserId == user.Id).Select(s => s.DeviceName).Distinct().ToListAsync(cancellationToken);
        if (devices.Count > 0 && !devices.Contains(session.DeviceName, StringComparer.Ordinal))
        {
            mailbox.Enqueue(MailTemplates.NewDeviceSignIn(user.PreferredLanguage, user.Email, user.DisplayName, session.DeviceName, session.IpAddress, clock.GetUtcNow().UtcDateTime, urls.To("/account")));
        }
    }

    private void Count(string outcome) => metrics.SignInAttempt(outcome);

    private static UnauthorizedException InvalidCredentials() =>
        new("invalid_credentials", "The email or password is not correct.");

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/auth/login", async Task<Ok<TokenResponse>> (SignInRequest request, SignIn handler, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(request, http.Request.Headers.UserAgent, http.Connection.RemoteIpAddress?.ToString(), ct)))
            .AllowAnonymous()
            .WithName("SignIn")
            .WithSummary("Sign in with email and password; returns an access token (15 minutes) and a refresh token.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden) // account_disabled: the right password for a disabled account
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
