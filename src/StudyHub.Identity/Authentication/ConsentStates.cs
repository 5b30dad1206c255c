using Microsoft.Extensions.Caching.Memory;
using StudyHub.Kernel.Cluster;

namespace StudyHub.Identity.Authentication;

/// <summary>
/// What the consent gate needs to know about a user (role, birth date, consent given), cached in
/// memory like sessions (<see cref="SessionRevocations"/>): the math, upload and leaderboard
/// endpoints ask on every request, and a database read each time capped the math API at a quarter
/// of its speed. Whether the user is under 13 is worked out from the birth date on each call, so a
/// birthday needs no invalidation.
/// <para>
/// A change (consent given or withdrawn, a role changed) is applied after it is committed: the
/// entry is dropped here and the change is broadcast to the other instances
/// (<see cref="IClusterBroadcast"/>, a Redis channel in a cluster), which drop theirs within
/// milliseconds; <see cref="CacheWindow"/> is only the fallback when a broadcast is lost. A read
/// that started before a change and ends after it must not put the old state back: every change
/// bumps a counter, and a read only caches what it found when no change happened meanwhile.
/// </para>
/// </summary>
internal sealed class ConsentStates
{
    public static readonly TimeSpan CacheWindow = TimeSpan.FromSeconds(30);
    public const string Channel = "consent.changed";

    private readonly IMemoryCache _cache;
    private readonly IClusterBroadcast _broadcast;
    private readonly TimeProvider _clock;
    private long _changes;

    public ConsentStates(IMemoryCache cache, IClusterBroadcast broadcast, TimeProvider clock)
    {
        _cache = cache;
        _broadcast = broadcast;
        _clock = clock;
        broadcast.Subscribe(Channel, OnChanged);
    }

    /// <summary>The user's consent state, or null when the account does not exist.</summary>
    public async ValueTask<ConsentState?> GetAsync(Guid userId, Func<AccountsDbContext> database, CancellationToken cancellationToken)
    {
        var key = new ConsentKey(userId);
        var now = _clock.GetUtcNow();
        if (_cache.TryGetValue(key, out ConsentState? cached) && cached!.CheckedAt + CacheWindow > now)
        {
            return cached;
        }

        var changesBefore = Interlocked.Read(ref _changes);
        var row = await database().Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.Role, u.BirthDate, Granted = u.ParentalConsentGrantedAt != null })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var state = new ConsentState(row.Role, row.BirthDate, row.Granted, now);
        if (Interlocked.Read(ref _changes) == changesBefore)
        {
            _cache.Set(key, state, CacheWindow);
        }

        return state;
    }

    /// <summary>Call after the change is saved: forgets the user's state here and on the other instances.</summary>
    public void Changed(Guid userId)
    {
        Forget(userId);
        _broadcast.Publish(Channel, userId.ToString("N"));
    }

    private void OnChanged(string message)
    {
        if (Guid.TryParseExact(message, "N", out var userId))
        {
            Forget(userId);
        }
    }

    private void Forget(Guid userId)
    {
        Interlocked.Increment(ref _changes);
        _cache.Remove(new ConsentKey(userId));
    }

    // A private key type, so no other user of the shared memory cache can collide with it.
    private readonly record struct ConsentKey(Guid UserId);
}

/// <summary>The facts consent depends on, as read at <see cref="CheckedAt"/>.</summary>
internal sealed record ConsentState(Role Role, DateOnly? BirthDate, bool Granted, DateTimeOffset CheckedAt)
{
    public bool IsAwaitingConsent(DateOnly today) => User.IsUnder13(Role, BirthDate, today) && !Granted;
}
