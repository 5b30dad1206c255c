using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Learning;
using StudyHub.Kernel.Users;
using StudyHub.Practice.Data;
using StudyHub.Practice.Domain;

namespace StudyHub.Practice.Features;

/// <summary>
/// Streak, points and badges as a dashboard shows them today. The stored streak only changes when
/// a game finishes, so a streak broken by missed days still reads as its old length: the days missed
/// since the last game (beyond the banked freezes) are counted here against the student's today.
/// </summary>
internal sealed class PracticeStandings(PracticeDbContext db, ICurrentUser currentUser, IPeopleDirectory people, TimeProvider clock) : IPracticeStanding
{
    public async Task<PracticeStanding?> FindAsync(Guid studentId, CancellationToken cancellationToken)
    {
        if (!await people.MayViewStudentAsync(currentUser, studentId, cancellationToken))
        {
            return null;
        }

        var record = await db.Players.AsNoTracking().FirstOrDefaultAsync(p => p.StudentId == studentId, cancellationToken);
        var badgeIds = await db.BadgeAwards.AsNoTracking().Where(b => b.StudentId == studentId)
            .OrderByDescending(b => b.AwardedAt).Select(b => b.BadgeId).ToListAsync(cancellationToken);
        var badges = badgeIds.Select(id => Badges.Catalogue.FirstOrDefault(b => b.Id == id)?.Name ?? id).ToList();
        if (record is null)
        {
            return new PracticeStanding(0, 0, false, 0, 0, 0, badges);
        }

        var (today, _, _) = StartSession.StudentDay(await people.FindStudentAsync(studentId, cancellationToken), clock.GetUtcNow());
        var missed = record.LastPlayedOn is { } last ? today.DayNumber - last.DayNumber - 1 : 0;
        var streak = missed > record.FreezesAvailable ? 0 : record.StreakDays;
        return new PracticeStanding(streak, record.LongestStreakDays, record.LastPlayedOn == today, record.FreezesAvailable, record.TotalPoints, record.GamesCompleted, badges);
    }
}
