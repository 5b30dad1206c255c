using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using StudyHub.Kernel.Cluster;

namespace StudyHub.Identity.Authentication;

/// <summary>
/// Whether a session is still signed in. Access tokens are checked against it on every request
/// through a short-lived cache, so there is no database read per request. A revocation (sign-out,
/// a revoked session, a disabled or erased account) is applied here at once and broadcast to the
/// other instances (<see cref="IClusterBroadcast"/>: a Redis channel in a cluster), which drop
/// their cached answer within milliseconds; <see cref="CacheWindow"/> is only the fallback when a
/// broadcast is lost.
/// <para>
/// A revocation is announced before the caller commits it, so an instance could re-read the
/// session as still active in between and cache that. To close that gap a revoked session (or every
/// session of a revoked user) is marked "read through" for one cache window: it is checked against
/// the database on each request instead of being cached, which costs reads only for tokens that are
/// being thrown away anyway.
/// </para>
/// </summary>
internal sealed class SessionRevocations
{
    public static readonly TimeSpan CacheWindow = TimeSpan.FromSeconds(30);
    public const string Channel = "sessions.revoked";

    private readonly IMemoryCache _cache;
    private readonly IClusterBroadcast _broadcast;
    private readonly TimeProvider _clock;

    public SessionRevocations(IMemoryCache cache, IClusterBroadcast broadcast, TimeProvider clock)
    {
        _cache = cache;
        _broadcast = broadcast;
        _clock = clock;
        broadcast.Subscribe(Channel, OnRevoked);
    }

    public async ValueTask<bool> IsActiveAsync(ClaimsIdentity identity, Func<AccountsDbContext> database, CancellationToken cancellationToken)
    {
        // The session must exist, be live, and belong to the user the credentials name.
        if (!Guid.TryParse(identity.FindFirst(StudyHubClaims.Session)?.Value, out var sessionId)
            || !Guid.TryParse(identity.FindFirst(StudyHubClaims.Subject)?.Value, out var userId))
        {
            return false;
        }

        // Keyed by user and session: a signed token naming another user's session never hits the cache.
        var key = new SessionKey(userId, sessionId);
        var readThrough = IsReadThrough(key);
        if (!readThrough && _cache.TryGetValue(key, out SessionState? state) && state!.CheckedAt + CacheWindow > _clock.GetUtcNow())
        {
            return state.Active;
        }

        var now = _clock.GetUtcNow().UtcDateTime;
        var db = database();
        var active = await db.Sessions.AsNoTracking()
            .AnyAsync(s => s.Id == sessionId && s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now
                && db.Users.Any(u => u.Id == s.UserId && u.DisabledAt == null && u.ErasedAt == null), cancellationToken);
        if (!readThrough)
        {
            _cache.Set(key, new SessionState(active, _clock.GetUtcNow()), CacheWindow);
        }

        return active;
    }

    /// <summary>Marks the session revoked (the caller saves), forgets its cached state here and tells the other instances.</summary>
    public void Revoke(UserSession session, string reason)
    {
        if (session.RevokedAt is null)
        {
            session.RevokedAt = _clock.GetUtcNow().UtcDateTime;
            session.RevokedReason = reason;
        }

        Forget(new SessionKey(session.UserId, session.Id));
        _broadcast.Publish(Channel, $"{session.UserId:N}:{session.Id:N}");
    }

    /// <summary>Every session of the user ends (an erased account): forgotten here and on the other instances.</summary>
    public void RevokeAllOf(Guid userId)
    {
        Forget(new SessionKey(userId, Guid.Empty));
        _broadcast.Publish(Channel, $"{userId:N}:*");
    }

    private void OnRevoked(string message)
    {
        var parts = message.Split(':');
        if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "N", out var userId))
        {
            return;
        }

        if (parts[1] == "*")
        {
            Forget(new SessionKey(userId, Guid.Empty));
        }
        else if (Guid.TryParseExact(parts[1], "N", out var sessionId))
        {
            Forget(new SessionKey(userId, sessionId));
        }
    }

    // Guid.Empty as the session stands for "every session of the user".
    private void Forget(SessionKey key)
    {
        _cache.Set(new ReadThroughKey(key), _clock.GetUtcNow() + CacheWindow, CacheWindow);
        _cache.Remove(key);
    }

    private bool IsReadThrough(SessionKey key)
    {
        var now = _clock.GetUtcNow();
        return (_cache.TryGetValue(new ReadThroughKey(key), out DateTimeOffset until) && until > now)
            || (_cache.TryGetValue(new ReadThroughKey(key with { SessionId = Guid.Empty }), out DateTimeOffset userUntil) && userUntil > now);
    }

    // Private key types, so no other user of the shared memory cache can collide with them.
    private readonly record struct SessionKey(Guid UserId, Guid SessionId);

    private readonly record struct ReadThroughKey(SessionKey Session);

    private sealed record SessionState(bool Active, DateTimeOffset CheckedAt);
}
