namespace StudyHub.Kernel.Learning;

/// <param name="StreakDays">The streak as it stands today: 0 once more days were missed than freezes cover.</param>
/// <param name="PlayedToday">A game was finished today, in the student's time zone (the streak is safe until tomorrow).</param>
/// <param name="Badges">Names of the badges earned, newest first.</param>
public sealed record PracticeStanding(
    int StreakDays,
    int LongestStreakDays,
    bool PlayedToday,
    int FreezesAvailable,
    int TotalPoints,
    int GamesCompleted,
    IReadOnlyList<string> Badges);

/// <summary>A student's practice standing (streak, points, badges) for dashboards; the Practice module answers.</summary>
public interface IPracticeStanding
{
    /// <summary>The standing when the caller may see this student's learning data (themself, teacher, linked parent, admin); otherwise null.</summary>
    Task<PracticeStanding?> FindAsync(Guid studentId, CancellationToken cancellationToken);
}
