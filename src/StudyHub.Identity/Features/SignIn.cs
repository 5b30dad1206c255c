using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StudyHub.Identity.Authentication;
using StudyHub.Identity.Data;
using StudyHub.Identity.Domain;
using StudyHub.Kernel.Auditing;
using StudyHub.Kernel.Errors;
using StudyHub.Kernel.Validation;

namespace StudyHub.Identity.Features;

public sealed record SignInRequest(string? Email, string? Password);

/// <summary>Checks a password, applies the lockout rule, and opens a session.</summary>
internal sealed class SignIn(
    AccountsDbContext db,
    IPasswordHasher<User> hasher,
    SessionTokens tokens,
    SignInThrottle throttle,
    IAuditLog audit,
    IOptions<AuthOptions> options,
    TimeProvider clock,
    IdentityMetrics metrics)
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

        throttle.CountAddress(ip);
        var now = clock.GetUtcNow().UtcDateTime;
        var normalized = request.Email!.Trim().ToLowerInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        if (user is null || user.ErasedAt is not null)
        {
            hasher.VerifyHashedPassword(TimingDecoy.Value, TimingDecoy.Value.PasswordHash, request.Password!);
            Count("unknown_account");
            audit.Record(AuditEvents.SignInFailed, null, null, "unknown account");
            await db.SaveChangesAsync(cancellationToken);
            throw InvalidCredentials();
        }

        if (user.LockoutEndsAt is { } lockedUntil && lockedUntil > now)
        {
            Count("locked_out");
            audit.Record(AuditEvents.SignInFailed, null, user.Id, "locked out");
            await db.SaveChangesAsync(cancellationToken);
            throw new TooManyAttemptsException("account_locked", "Too many failed sign-ins. Try again later.", lockedUntil - now);
        }

        throttle.CountAccount(normalized);
        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, request.Password!);
        if (verdict == PasswordVerificationResult.Failed)
        {
            user.FailedSignInCount++;
            var locked = user.FailedSignInCount >= options.Value.MaxFailedSignIns;
            if (locked)
            {
                user.LockoutEndsAt = now + options.Value.LockoutDuration;
                user.FailedSignInCount = 0;
            }

            Count("wrong_password");
            audit.Record(locked ? AuditEvents.LockedOut : AuditEvents.SignInFailed, null, user.Id, "wrong password");
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
        user.LockoutEndsAt = null;
        Count("success");
        var session = tokens.OpenSession(user, kind, device, ip);
        audit.Record(AuditEvents.SignedIn, user.Id, user.Id, kind.ToString());
        return (user, session);
    }

    public async Task<TokenResponse> HandleAsync(SignInRequest request, string? device, string? ip, CancellationToken cancellationToken)
    {
        var (user, session) = await VerifyAsync(request, SessionKind.Api, device, ip, cancellationToken);
        var response = await tokens.IssueAsync(user, session, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return response;
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
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
