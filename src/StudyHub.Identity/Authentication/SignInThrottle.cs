using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using StudyHub.Kernel.Errors;

namespace StudyHub.Identity.Authentication;

/// <summary>
/// Sign-in attempts per account and per client address, in one-minute windows read from
/// <see cref="TimeProvider"/>. Counted per instance: in a cluster the effective limit is the
/// per-instance limit times the instances, which the lockout rule (stored in the database) backs up.
/// </summary>
internal sealed class SignInThrottle(IOptions<AuthOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private const int PurgeThreshold = 10_000;

    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    public void CountAddress(string? address) =>
        Count("ip:" + (address ?? "unknown"), options.Value.SignInAttemptsPerAddressPerMinute, "Too many sign-in attempts from your network. Wait a minute and try again.");

    public void CountAccount(string normalizedEmail) =>
        Count("account:" + normalizedEmail, options.Value.SignInAttemptsPerAccountPerMinute, "Too many sign-in attempts for this account. Wait a minute and try again.");

    private void Count(string key, int limit, string message)
    {
        var now = clock.GetUtcNow();
        if (_counters.Count > PurgeThreshold)
        {
            foreach (var (staleKey, stale) in _counters)
            {
                if (stale.WindowStart + Window <= now)
                {
                    _counters.TryRemove(staleKey, out _);
                }
            }
        }

        var counter = _counters.GetOrAdd(key, _ => new Counter { WindowStart = now });
        TimeSpan retryAfter;
        lock (counter)
        {
            if (counter.WindowStart + Window <= now)
            {
                counter.WindowStart = now;
                counter.Attempts = 0;
            }

            if (++counter.Attempts <= limit)
            {
                return;
            }

            retryAfter = counter.WindowStart + Window - now;
        }

        throw new TooManyAttemptsException("sign_in_rate_limited", message, retryAfter);
    }

    private sealed class Counter
    {
        public DateTimeOffset WindowStart { get; set; }

        public int Attempts { get; set; }
    }
}
