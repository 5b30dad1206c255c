using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using StudyHub.Identity.Features;

namespace StudyHub.Identity.Authentication;

/// <summary>
/// Cookie sign-in for the web UI. The cookie carries the same claims as an access token and
/// belongs to a session row of its own, so it appears among the user's devices and can be revoked.
/// </summary>
internal sealed class WebSignIn(SignIn signIn, AccountsDbContext db, SessionRevocations revocations, IAuditLog audit)
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;

    public async Task SignInAsync(HttpContext http, SignInRequest request, CancellationToken cancellationToken)
    {
        var (user, session) = await signIn.VerifyAsync(request, SessionKind.Web, http.Request.Headers.UserAgent, http.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var identity = new ClaimsIdentity(
        [
            new Claim(StudyHubClaims.Subject, user.Id.ToString()),
            new Claim(StudyHubClaims.Role, AccountRules.RoleName(user.Role)),
            new Claim(StudyHubClaims.Session, session.Id.ToString()),
            new Claim(StudyHubClaims.Name, user.DisplayName),
        ], Scheme, StudyHubClaims.Name, StudyHubClaims.Role);
        await http.SignInAsync(Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = true });
        ThemeCookie.Write(http, user.Theme);
    }

    public async Task SignOutAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(http.User.FindFirst(StudyHubClaims.Session)?.Value, out var sessionId)
            && await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken) is { RevokedAt: null } session)
        {
            revocations.Revoke(session, "signed_out");
            audit.Record(AuditEvents.SignedOut, session.UserId, session.UserId, $"session {sessionId}");
            await db.SaveChangesAsync(cancellationToken);
        }

        await http.SignOutAsync(Scheme);
    }
}
