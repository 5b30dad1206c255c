using Microsoft.EntityFrameworkCore;
using StudyHub.Practice.Data;

namespace StudyHub.Practice.Leaderboards;

/// <summary>Boards as rows of the practice database (SQLite or PostgreSQL); writes are saved with the caller's unit of work.</summary>
internal sealed class DatabaseLeaderboard(PracticeDbContext db, GlobalRankSnapshots globalRanks) : ILeaderboard
{
    public async Task AddAsync(Guid studentId, IReadOnlyCollection<BoardRef> boards, int points, DateTime at, CancellationToken cancellationToken)
    {
        if (points <= 0 || boards.Count == 0)
        {
            return; // a total that does not grow keeps the instant it was first reached
        }

        var existing = await RowsAsync(studentId, boards, cancellationToken);
        foreach (var board in boards.Distinct())
        {
            var row = existing.FirstOrDefault(s => s.PeriodKey == board.PeriodKey && s.ScopeId == board.ScopeId);
            if (row is null)
            {
                db.LeaderboardScores.Add(new LeaderboardScore { PeriodKey = board.PeriodKey, ScopeId = board.ScopeId, StudentId = studentId, Total = points, ReachedAt = at });
            }
            else
            {
                row.Total += points;
                row.ReachedAt = at;
            }
        }
    }

    public async Task AdjustAsync(Guid studentId, IReadOnlyCollection<BoardRef> boards, int delta, DateTime earnedAt, CancellationToken cancellationToken)
    {
        if (delta == 0 || boards.Count == 0)
        {
            return;
        }

        var existing = await RowsAsync(studentId, boards, cancellationToken);
        foreach (var board in boards.Distinct())
        {
            var row = existing.FirstOrDefault(s => s.PeriodKey == board.PeriodKey && s.ScopeId == board.ScopeId)
                ?? db.LeaderboardScores.Local.FirstOrDefault(s => s.PeriodKey == board.PeriodKey && s.ScopeId == board.ScopeId && s.StudentId == studentId);
            if (row is not null)
            {
                // Never below zero: a board the student later left and rejoined may hold less than was voided.
                row.Total = System.Math.Max(0, row.Total + delta);
            }
            else if (delta > 0)
            {
                db.LeaderboardScores.Add(new LeaderboardScore { PeriodKey = board.PeriodKey, ScopeId = board.ScopeId, StudentId = studentId, Total = delta, ReachedAt = earnedAt });
            }
        }
    }

    /// <summary>The student's (tracked) rows on these boards.</summary>
    private Task<List<LeaderboardScore>> RowsAsync(Guid studentId, IReadOnlyCollection<BoardRef> boards, CancellationToken cancellationToken)
    {
        var keys = boards.Select(b => b.PeriodKey).Distinct().ToList();
        var scopes = boards.Select(b => b.ScopeId).Distinct().ToList();
        return db.LeaderboardScores
            .Where(s => s.StudentId == studentId && keys.Contains(s.PeriodKey) && scopes.Contains(s.ScopeId))
            .ToListAsync(cancellationToken);
    }

    public Task RemoveAsync(Guid studentId, Guid scopeId, CancellationToken cancellationToken) =>
        db.LeaderboardScores.Where(s => s.StudentId == studentId && s.ScopeId == scopeId).ExecuteDeleteAsync(cancellationToken);

    public async Task<IReadOnlyList<BoardStanding>> TopAsync(BoardRef board, int count, CancellationToken cancellationToken)
    {
        var rows = await db.LeaderboardScores.AsNoTracking()
            .Where(s => s.PeriodKey == board.PeriodKey && s.ScopeId == board.ScopeId)
            .OrderByDescending(s => s.Total).ThenBy(s => s.ReachedAt).ThenBy(s => s.StudentId)
            .Take(count)
            .Select(s => new { s.StudentId, s.Total, s.ReachedAt })
            .ToListAsync(cancellationToken);
        return [.. rows.Select((r, i) => new BoardStanding(i + 1, r.StudentId, r.Total, r.ReachedAt))];
    }

    public async Task<BoardStanding?> StandingOfAsync(BoardRef board, Guid studentId, CancellationToken cancellationToken)
    {
        var mine = await db.LeaderboardScores.AsNoTracking()
            .FirstOrDefaultAsync(s => s.PeriodKey == board.PeriodKey && s.ScopeId == board.ScopeId && s.StudentId == studentId, cancellationToken);
        if (mine is null)
        {
            return null;
        }

        if (board.ScopeId == BoardRef.GlobalScope)
        {
            return new BoardStanding(
                await globalRanks.CountAheadAsync(db, board.PeriodKey, mine.Total, mine.ReachedAt, studentId, cancellationToken) + 1, studentId, mine.Total, mine.ReachedAt);
        }

        // Three index ranges rather than one OR, so each count walks only the entries ahead of the student.
        var onBoard = db.LeaderboardScores.Where(s => s.PeriodKey == board.PeriodKey && s.ScopeId == board.ScopeId);
        var higher = await onBoard.CountAsync(s => s.Total > mine.Total, cancellationToken);
        var earlier = await onBoard.CountAsync(s => s.Total == mine.Total && s.ReachedAt < mine.ReachedAt, cancellationToken);
        var sameInstant = await onBoard.CountAsync(
            s => s.Total == mine.Total && s.ReachedAt == mine.ReachedAt && s.StudentId.CompareTo(studentId) < 0, cancellationToken);
        return new BoardStanding(higher + earlier + sameInstant + 1, studentId, mine.Total, mine.ReachedAt);
    }
}
