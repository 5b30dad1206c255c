using System.Collections.Concurrent;

namespace StudyHub.Identity.Authentication;

/// <summary>
/// Attempts per key in fixed windows read from <see cref="TimeProvider"/>, in this process (a
/// cluster multiplies the limits by its instances until the counters move to Redis). Memory stays
/// bounded under a flood of distinct keys: stale windows are dropped once the table is large.
/// </summary>
internal sealed class FixedWindowCounter(TimeProvider clock)
{
    private const int PurgeThreshold = 10_000;

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>Counts one attempt; false (with when to retry) once <paramref name="limit"/> attempts were made in the window.</summary>
    public bool TryCount(string key, int limit, TimeSpan length, out TimeSpan retryAfter)
    {
        var now = clock.GetUtcNow();
        if (_windows.Count > PurgeThreshold)
        {
            foreach (var (staleKey, window) in _windows)
            {
                if (window.Start + window.Length <= now)
                {
                    _windows.TryRemove(staleKey, out _);
                }
            }
        }

        var current = _windows.GetOrAdd(key, _ => new Window { Start = now, Length = length });
        lock (current)
        {
            if (current.Start + current.Length <= now)
            {
                current.Start = now;
                current.Length = length;
                current.Attempts = 0;
            }

            retryAfter = current.Start + current.Length - now;
            return ++current.Attempts <= limit;
        }
    }

    private sealed class Window
    {
        public DateTimeOffset Start { get; set; }

        public TimeSpan Length { get; set; }

        public int Attempts { get; set; }
    }
}
