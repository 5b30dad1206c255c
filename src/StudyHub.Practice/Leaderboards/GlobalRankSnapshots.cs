using Microsoft.EntityFrameworkCore;
using StudyHub.Practice.Data;

namespace StudyHub.Practice.Leaderboards;

/// <summary>
/// Ranks on global boards from an in-memory copy of the board's order, refreshed at most every
/// <see cref="MaxAge"/>. Counting the entries ahead in the index costs time in proportion to the
/// rank (≈9 ms on-CPU for a middle rank of 100,000 on SQLite, docs/benchmarks.md); a binary search
/// in the copy costs microseconds. The seed caches boards for a minute; here a global rank may miss
/// only other students' points of the last <see cref="MaxAge"/>, while the caller's own total is
/// always read fresh. Class boards (tens of students) keep exact index counts.
/// </summary>
internal sealed class GlobalRankSnapshots(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, Snapshot> _boards = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _loading = new(1, 1);

    /// <summary>How many entries of the board rank ahead of (total, reachedAt, student), the student's own entry aside.</summary>
    public async Task<int> CountAheadAsync(PracticeDbContext db, string periodKey, int total, DateTime reachedAt, Guid studentId, CancellationToken cancellationToken)
    {
        var snapshot = await CurrentAsync(db, periodKey, cancellationToken);
        var key = new Entry(total, reachedAt.Ticks, studentId.ToString());
        var entries = snapshot.Entries;
        int low = 0, high = entries.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (Compare(entries[middle], key) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private async Task<Snapshot> CurrentAsync(PracticeDbContext db, string periodKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Snapshot? current;
        lock (_gate)
        {
            _boards.TryGetValue(periodKey, out current);
        }

        if (current is not null && now - current.LoadedAt < MaxAge)
        {
            return current;
        }

        // One request reloads; the others keep ranking from the previous copy meanwhile (none on the very first load).
        if (current is not null && !await _loading.WaitAsync(0, cancellationToken))
        {
            return current;
        }

        if (current is null)
        {
            await _loading.WaitAsync(cancellationToken);
        }

        try
        {
            lock (_gate)
            {
                if (_boards.TryGetValue(periodKey, out var fresh) && now - fresh.LoadedAt < MaxAge)
                {
                    return fresh;
                }
            }

            var rows = await db.LeaderboardScores.AsNoTracking()
                .Where(s => s.PeriodKey == periodKey && s.ScopeId == BoardRef.GlobalScope)
                .Select(s => new { s.Total, s.ReachedAt, s.StudentId })
                .ToListAsync(cancellationToken);
            var entries = rows.Select(r => new Entry(r.Total, r.ReachedAt.Ticks, r.StudentId.ToString())).ToArray();
            Array.Sort(entries, Compare);
            var loaded = new Snapshot(now, entries);
            lock (_gate)
            {
                _boards[periodKey] = loaded;
                foreach (var stale in _boards.Where(b => now - b.Value.LoadedAt > MaxAge * 30).Select(b => b.Key).ToList())
                {
                    _boards.Remove(stale); // past periods' boards are not asked for again
                }
            }

            return loaded;
        }
        finally
        {
            _loading.Release();
        }
    }

    // Board order: higher total first, then earlier reached, then the id (ordinal on the canonical text, as SQLite and PostgreSQL order them).
    private static int Compare(Entry a, Entry b)
    {
        var byTotal = b.Total.CompareTo(a.Total);
        if (byTotal != 0)
        {
            return byTotal;
        }

        var byTime = a.ReachedAtTicks.CompareTo(b.ReachedAtTicks);
        return byTime != 0 ? byTime : string.Compare(a.StudentId, b.StudentId, StringComparison.OrdinalIgnoreCase);
    }

    private readonly record struct Entry(int Total, long ReachedAtTicks, string StudentId);

    private sealed record Snapshot(DateTime LoadedAt, Entry[] Entries);
}
