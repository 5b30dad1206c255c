using System.Collections.Concurrent;

namespace StudyHub.Kernel.Cluster;

/// <summary>
/// Attempts per key in fixed windows read from <see cref="TimeProvider"/>, in this process: the
/// one-machine <see cref="IRateCounter"/>. A window opens at a key's first attempt. Memory stays
/// bounded under a flood of distinct keys: stale windows are dropped once the table is large.
/// </summary>
public sealed class InProcessRateCounter(TimeProvider clock) : IRateCounter
{
    private const int PurgeThreshold = 10_000;

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public ValueTask<RateCount> CountAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (_windows.Count > PurgeThreshold)
        {
            foreach (var (staleKey, stale) in _windows)
            {
                if (stale.Start + stale.Length <= now)
                {
                    _windows.TryRemove(staleKey, out _);
                }
            }
        }

        var current = _windows.GetOrAdd(key, _ => new Window { Start = now, Length = window });
        lock (current)
        {
            if (current.Start + current.Length <= now)
            {
                current.Start = now;
                current.Length = window;
                current.Attempts = 0;
            }

            return ValueTask.FromResult(new RateCount(++current.Attempts <= limit, current.Start + current.Length - now));
        }
    }

    private sealed class Window
    {
        public DateTimeOffset Start { get; set; }

        public TimeSpan Length { get; set; }

        public int Attempts { get; set; }
    }
}
