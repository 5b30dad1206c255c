namespace StudyHub.Practice.Leaderboards;

/// <summary>
/// A student's total on one board. Stored one row per (period instance, scope, student) and read
/// through the index (period key, scope, total desc, reached-at, student), so the top 100 is an
/// index range and a rank is an index count.
/// </summary>
internal sealed class LeaderboardScore
{
    public string PeriodKey { get; init; } = "";

    /// <summary>The classroom, or <see cref="Guid.Empty"/> for the global board.</summary>
    public Guid ScopeId { get; init; }

    public Guid StudentId { get; init; }

    public int Total { get; set; }

    /// <summary>When the student reached <see cref="Total"/>: the earlier of equal totals ranks higher.</summary>
    public DateTime ReachedAt { get; set; }
}
