using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using StudyHub.Kernel.Cluster;
using StudyHub.Kernel.Errors;

namespace StudyHub.Identity.Authentication;

/// <summary>A lockout of one account from one client address.</summary>
internal sealed record SignInLockout(string Address, int Failures, DateTime? LockedUntil);

/// <summary>
/// Limits password guessing without letting anyone lock a known account out from elsewhere.
/// Every rule is keyed by what the request says, never by whether the account exists, so an
/// unknown address is counted exactly like a known one and the answers tell nobody who has an account:
/// <list type="bullet">
/// <item>per client address: <c>SignInAttemptsPerAddressPerMinute</c> attempts a minute (generous: a school behind one address);</item>
/// <item>per account and address: <c>SignInAttemptsPerAccountPerMinute</c> attempts a minute;</item>
/// <item>lockout per account and address: <c>MaxFailedSignIns</c> failures in a row lock that
/// address out of that account for <c>LockoutDuration</c>; the owner signing in from their own
/// device is not affected.</item>
/// </list>
/// The attempt budgets are counted by <see cref="IRateCounter"/> (in Redis when configured, so a
/// cluster shares them); the lockout state is kept per instance.
/// </summary>
internal sealed class SignInThrottle(IOptions<AuthOptions> options, IRateCounter attempts, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private const int PurgeThreshold = 10_000;

    private readonly ConcurrentDictionary<(string Account, string Address), Failures> _failures = new();

    public ValueTask CountAddressAsync(string? address, CancellationToken cancellationToken) =>
        CountAsync("ip:" + Address(address), options.Value.SignInAttemptsPerAddressPerMinute, "Too many sign-in attempts from your network. Wait a minute and try again.", cancellationToken);

    public ValueTask CountAccountAsync(string normalizedEmail, string? address, CancellationToken cancellationToken) =>
        CountAsync("account:" + Address(address) + ":" + normalizedEmail, options.Value.SignInAttemptsPerAccountPerMinute, "Too many sign-in attempts for this account. Wait a minute and try again.", cancellationToken);

    /// <summary>Refuses an address that is locked out of this account (known or not).</summary>
    public void EnsureNotLockedOut(string normalizedEmail, string? address)
    {
        var now = clock.GetUtcNow();
        if (_failures.TryGetValue((normalizedEmail, Address(address)), out var failures)
            && failures.LockedUntil is { } until && until > now)
        {
            throw new TooManyAttemptsException("account_locked", "Too many failed sign-ins. Try again later.", until - now);
        }
    }

    /// <summary>Counts a failed sign-in; true when this failure locked the address out of the account.</summary>
    public bool RecordFailure(string normalizedEmail, string? address)
    {
        var now = clock.GetUtcNow();
        Purge(_failures, f => f.LastFailureAt + options.Value.LockoutDuration <= now && (f.LockedUntil is null || f.LockedUntil <= now));
        var failures = _failures.GetOrAdd((normalizedEmail, Address(address)), _ => new Failures());
        lock (failures)
        {
            if (failures.LockedUntil is { } until && until <= now)
            {
                failures.LockedUntil = null;
                failures.Count = 0;
            }

            failures.LastFailureAt = now;
            if (++failures.Count < options.Value.MaxFailedSignIns)
            {
                return false;
            }

            failures.LockedUntil = now + options.Value.LockoutDuration;
            failures.Count = 0;
            return true;
        }
    }

    /// <summary>A password reset ends every lockout of the account: the owner proved they hold its mailbox.</summary>
    public void ClearAccount(string normalizedEmail)
    {
        foreach (var key in _failures.Keys.Where(k => k.Account == normalizedEmail).ToList())
        {
            _failures.TryRemove(key, out _);
        }
    }

    /// <summary>A successful sign-in from an address clears its failures for the account.</summary>
    public void RecordSuccess(string normalizedEmail, string? address) =>
        _failures.TryRemove((normalizedEmail, Address(address)), out _);

    /// <summary>The current failures and lockouts of an account, per address (for the person's data export).</summary>
    public IReadOnlyList<SignInLockout> LockoutsOf(string normalizedEmail)
    {
        var now = clock.GetUtcNow();
        return _failures
            .Where(f => f.Key.Account == normalizedEmail)
            .Select(f => new SignInLockout(f.Key.Address, f.Value.Count, f.Value.LockedUntil is { } until && until > now ? until.UtcDateTime : null))
            .OrderBy(f => f.Address, StringComparer.Ordinal)
            .ToList();
    }

    private static string Address(string? address) => address ?? "unknown";

    private async ValueTask CountAsync(string key, int limit, string message, CancellationToken cancellationToken)
    {
        var count = await attempts.CountAsync("sign-in:" + key, limit, Window, cancellationToken);
        if (!count.Allowed)
        {
            throw new TooManyAttemptsException("sign_in_rate_limited", message, count.RetryAfter);
        }
    }

    // Bounded memory under a flood of distinct keys: stale entries go once the table is large.
    private static void Purge<TKey, TValue>(ConcurrentDictionary<TKey, TValue> table, Func<TValue, bool> isStale)
        where TKey : notnull
    {
        if (table.Count <= PurgeThreshold)
        {
            return;
        }

        foreach (var (key, value) in table)
        {
            if (isStale(value))
            {
                table.TryRemove(key, out _);
            }
        }
    }

    private sealed class Failures
    {
        public int Count { get; set; }

        public DateTimeOffset LastFailureAt { get; set; }

        public DateTimeOffset? LockedUntil { get; set; }
    }
}
