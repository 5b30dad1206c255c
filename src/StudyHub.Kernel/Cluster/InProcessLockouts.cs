using System.Collections.Concurrent;

namespace StudyHub.Kernel.Cluster;

/// <summary>The one-machine <see cref="ILockouts"/>: a table in this process, bounded by dropping stale entries once it is large.</summary>
public sealed class InProcessLockouts(TimeProvider clock) : ILockouts
{
    private const int PurgeThreshold = 10_000;

    private readonly ConcurrentDictionary<(string Group, string Member), Failures> _failures = new();

    public ValueTask<DateTimeOffset?> LockedUntilAsync(string group, string member, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        return ValueTask.FromResult(_failures.TryGetValue((group, member), out var failures) && failures.LockedUntil is { } until && until > now
            ? until
            : (DateTimeOffset?)null);
    }

    public ValueTask<bool> RecordFailureAsync(string group, string member, int maxFailures, TimeSpan lockFor, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (_failures.Count > PurgeThreshold)
        {
            foreach (var (key, stale) in _failures)
            {
                if (stale.LastFailureAt + stale.LockFor <= now && (stale.LockedUntil is null || stale.LockedUntil <= now))
                {
                    _failures.TryRemove(key, out _);
                }
            }
        }

        var failures = _failures.GetOrAdd((group, member), _ => new Failures());
        lock (failures)
        {
            if ((failures.LockedUntil is { } until && until <= now) || (failures.LockedUntil is null && failures.LastFailureAt + failures.LockFor <= now))
            {
                failures.LockedUntil = null;
                failures.Count = 0;
            }

            failures.LastFailureAt = now;
            failures.LockFor = lockFor;
            if (++failures.Count < maxFailures)
            {
                return ValueTask.FromResult(false);
            }

            failures.LockedUntil = now + lockFor;
            failures.Count = 0;
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask ForgetAsync(string group, string member, CancellationToken cancellationToken = default)
    {
        _failures.TryRemove((group, member), out _);
        return ValueTask.CompletedTask;
    }

    public ValueTask ForgetAllAsync(string group, CancellationToken cancellationToken = default)
    {
        foreach (var key in _failures.Keys.Where(k => k.Group == group).ToList())
        {
            _failures.TryRemove(key, out _);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<LockoutState>> ListAsync(string group, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<LockoutState> states = _failures
            .Where(f => f.Key.Group == group)
            .Select(f => new LockoutState(f.Key.Member, f.Value.Count, f.Value.LockedUntil is { } until && until > now ? until : null))
            .OrderBy(f => f.Member, StringComparer.Ordinal)
            .ToList();
        return ValueTask.FromResult(states);
    }

    private sealed class Failures
    {
        public int Count { get; set; }

        public DateTimeOffset LastFailureAt { get; set; }

        public TimeSpan LockFor { get; set; }

        public DateTimeOffset? LockedUntil { get; set; }
    }
}
