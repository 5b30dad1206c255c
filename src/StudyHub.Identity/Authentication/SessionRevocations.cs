using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using StudyHub.Identity.Data;
using StudyHub.Identity.Domain;

namespace StudyHub.Identity.Authentication;

/// <summary>
/// Whether a session is still signed in. Access tokens are checked against it on every request
/// through a short-lived cache: a revoked session stops working at once on the instance that
/// revoked it and within <see cref="CacheWindow"/> on every other instance, without a database
/// read per request.
/// </summary>
internal sealed class SessionRevocations(IMemoryCache cache, TimeProvider clock)
{
    public static readonly TimeSpan CacheWindow = TimeSpan.FromSeconds(30);

    public async ValueTask<bool> IsActiveAsync(ClaimsIdentity identity, Func<AccountsDbContext> database, CancellationToken cancellationToken)
    {
        // The session must exist, be live, and belong to the user the credentials name.
        if (!Guid.TryParse(identity.FindFirst(StudyHubClaims.Session)?.Value, out var sessionId)
            || !Guid.TryParse(identity.FindFirst(StudyHubClaims.Subject)?.Value, out var userId))
        {
            return false;
        }

        // Keyed by user and session: a signed token naming another user's session never hits the cache.
        var key = CacheKey(userId, sessionId);
        if (cache.TryGetValue(key, out SessionState? state) && state!.CheckedAt + CacheWindow > clock.GetUtcNow())
        {
            return state.Active;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var db = database();
        var active = await db.Sessions.AsNoTracking()
            .AnyAsync(s => s.Id == sessionId && s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now
                && db.Users.Any(u => u.Id == s.UserId && u.DisabledAt == null && u.ErasedAt == null), cancellationToken);
        cache.Set(key, new SessionState(active, clock.GetUtcNow()), CacheWindow);
        return active;
    }

    /// <summary>Marks the session revoked (the caller saves) and forgets its cached state here.</summary>
    public void Revoke(UserSession session, string reason)
    {
        if (session.RevokedAt is null)
        {
            session.RevokedAt = clock.GetUtcNow().UtcDateTime;
            session.RevokedReason = reason;
        }

        cache.Remove(CacheKey(session.UserId, session.Id));
    }

    // A private key type, so no other user of the shared memory cache can collide with it.
    private static SessionKey CacheKey(Guid userId, Guid sessionId) => new(userId, sessionId);

    private readonly record struct SessionKey(Guid UserId, Guid SessionId);

    private sealed record SessionState(bool Active, DateTimeOffset CheckedAt);
}
