namespace StudyHub.Practice.Leaderboards;

/// <summary>A student's place on a board: rank 1 is the highest total, ties going to whoever reached it first.</summary>
internal sealed record BoardStanding(int Rank, Guid StudentId, int Total, DateTime ReachedAt);

/// <summary>
/// Where board totals live. The database implementation stages its writes in the practice unit of
/// work, so points reach the boards in the same commit as the answer that earned them. A Redis
/// implementation (the seed's sorted sets) can replace it: ZINCRBY on "board:{key}:{scope}" with the
/// reached-at instant folded into the score's low bits, ZREVRANGE 0 99 for the top and ZREVRANK for the rank.
/// </summary>
internal interface ILeaderboard
{
    /// <summary>Adds <paramref name="points"/> to the student's total on each board; the total is "reached" at <paramref name="at"/>.</summary>
    Task AddAsync(Guid studentId, IReadOnlyCollection<BoardRef> boards, int points, DateTime at, CancellationToken cancellationToken);

    /// <summary>
    /// Changes the student's total on each board by <paramref name="delta"/> (a voided question's points
    /// going, or coming back), staged like <see cref="AddAsync"/>. The reached-at instant stays: the
    /// total was reached when the points were earned, not when a teacher looked at a report. A board
    /// without a row for the student gets one (reached at <paramref name="earnedAt"/>) only for a positive delta.
    /// </summary>
    Task AdjustAsync(Guid studentId, IReadOnlyCollection<BoardRef> boards, int delta, DateTime earnedAt, CancellationToken cancellationToken);

    /// <summary>The first <paramref name="count"/> of a board, best first.</summary>
    Task<IReadOnlyList<BoardStanding>> TopAsync(BoardRef board, int count, CancellationToken cancellationToken);

    /// <summary>The student's standing, or null when they have no points on this board.</summary>
    Task<BoardStanding?> StandingOfAsync(BoardRef board, Guid studentId, CancellationToken cancellationToken);

    /// <summary>Takes the student off every board of one scope (all periods), at once rather than with the caller's unit of work.</summary>
    Task RemoveAsync(Guid studentId, Guid scopeId, CancellationToken cancellationToken);
}
