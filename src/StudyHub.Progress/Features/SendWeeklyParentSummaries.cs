using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using StudyHub.Kernel.Jobs;
using StudyHub.Kernel.Learning;
using StudyHub.Kernel.Skills;
using StudyHub.Kernel.Users;
using StudyHub.Progress.Data;
using StudyHub.Progress.Domain;

namespace StudyHub.Progress.Features;

/// <summary>
/// The weekly mail to parents who asked for it (Identity's opt-in weekly-summary preference), in
/// their language: per child, the week's practice sessions and points, the skills mastered that
/// week, and the weak spots.
/// Runs often (hourly); a parent's summary is due at Sunday 18:00 on their own clock and sent within the day after. The mail
/// is enqueued in the same transaction as the record that it was sent (parent × week, a primary
/// key), so a retried or concurrent run, or a restart, never sends a week twice.
/// </summary>
internal sealed class SendWeeklyParentSummaries(
    ProgressDbContext db, IFamilyMail familyMail, ILearningRecords records, TimeProvider clock, ILogger<SendWeeklyParentSummaries> logger,
    ISkillCatalog? catalog = null) : IJobHandler
{
    public const string JobKind = "progress.weekly-parent-summaries";

    /// <summary>The learning-log rows read per child and week; a week of very heavy practice is summarised from the first ones.</summary>
    private const int MaxRecordsPerWeek = 20_000;

    /// <summary>A summary not sent within a day of its Sunday evening (the server was down) is skipped: next week's covers the present.</summary>
    public static readonly TimeSpan SendWindow = TimeSpan.FromDays(1);

    public string Kind => JobKind;

    public async Task HandleAsync(JobExecution job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var now = clock.GetUtcNow().UtcDateTime;
        var parents = await familyMail.ParentsWantingProgressMailAsync(cancellationToken);
        var sent = 0;
        foreach (var parent in parents)
        {
            var zone = TimeZoneInfo.TryFindSystemTimeZoneById(parent.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
            var (sunday, dueUtc) = WeeklySummarySchedule.LatestDue(now, zone);
            if (now - dueUtc > SendWindow
                || await db.WeeklySummaries.AnyAsync(w => w.ParentId == parent.ParentId && w.WeekEnding == sunday, cancellationToken))
            {
                continue;
            }

            var weekStart = dueUtc.AddDays(-7);
            var children = new List<ChildWeek>();
            foreach (var child in parent.Children)
            {
                children.Add(await ChildWeekAsync(child, weekStart, dueUtc, cancellationToken));
            }

            db.WeeklySummaries.Add(new WeeklySummarySent { ParentId = parent.ParentId, WeekEnding = sunday, SentAt = now, Children = children.Count });
            if (!await familyMail.EnqueueAsync(db, parent.ParentId, Compose(sunday, children, parent.Language), cancellationToken))
            {
                db.ChangeTracker.Clear();
                continue;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                sent++;
            }
            catch (DbUpdateException race)
            {
                // Another run recorded this parent's week first (and enqueued its mail): nothing more to do.
                logger.LogDebug(race, "Weekly summary for parent {ParentId}, week ending {Sunday}, was sent by another run", parent.ParentId, sunday);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        await job.ReportProgressAsync(100, $"{sent} weekly summaries sent", cancellationToken);
    }

    internal sealed record ChildWeek(Guid Id, string Name, int Sessions, int Points, IReadOnlyList<string> Mastered, IReadOnlyList<(string Skill, double Accuracy)> WeakSpots);

    private async Task<ChildWeek> ChildWeekAsync(StudentSummary child, DateTime from, DateTime until, CancellationToken cancellationToken)
    {
        var week = (await records.AfterAsync([child.Id], from.AddTicks(-1), MaxRecordsPerWeek, cancellationToken)).Where(r => r.OccurredAt < until).ToList();
        var masteries = await db.Masteries.AsNoTracking().Where(m => m.StudentId == child.Id).ToListAsync(cancellationToken);
        var mastered = masteries
            .Where(m => m.MasteredAt >= from && m.MasteredAt < until)
            .Select(m => Name(m.SkillId))
            .Order(StringComparer.Ordinal)
            .ToList();
        var weak = WeakSpots.Rank(masteries.Select(m => WeakSpots.Assess(m.SkillId, m.Stats, examWeight: null, reviewMaterial: null)).OfType<WeakSpot>())
            .Take(3)
            .Select(w => (Name(w.SkillId), w.Accuracy))
            .ToList();
        return new ChildWeek(
            child.Id, child.DisplayName,
            week.Count(r => r.Kind == LearningRecordKind.SessionCompleted),
            week.Where(r => r.Kind is LearningRecordKind.SessionCompleted or LearningRecordKind.FlashcardReviewed).Sum(r => r.Points),
            mastered, weak);
    }

    /// <param name="language">The parent's preferred language; one without a translation gets English.</param>
    internal static AccountMail Compose(DateOnly sunday, IReadOnlyList<ChildWeek> children, string? language)
    {
        var words = WeeklySummaryWords.For(language);
        var paragraphs = new List<string> { words.Format(words.Intro, words.Date(sunday)) };
        foreach (var child in children)
        {
            var line = child.Sessions == 0 && child.Points == 0
                ? words.Format(words.Idle, child.Name)
                : words.Format(words.Activity, child.Name, child.Sessions.ToString("N0", words.Culture), child.Points.ToString("N0", words.Culture));
            if (child.Mastered.Count > 0)
            {
                line += " " + words.Format(words.Mastered, string.Join(", ", child.Mastered));
            }

            line += " " + (child.WeakSpots.Count == 0
                ? words.NoWeakSpots
                : words.Format(words.WeakSpots, string.Join(", ", child.WeakSpots.Select(w => words.Format(words.WeakSpot, w.Skill, (w.Accuracy * 100).ToString("0", words.Culture))))));
            paragraphs.Add(line);
        }

        var single = children.Count == 1;
        return new AccountMail(
            single ? words.Format(words.SubjectOne, children[0].Name) : words.SubjectMany,
            paragraphs,
            single ? words.Format(words.SeeOne, children[0].Name) : words.SeeMany,
            single ? $"/students/{children[0].Id}/progress" : "/family",
            words.Footer,
            words.Language);
    }

    private string Name(string skillId) => catalog?.Find(skillId)?.Name ?? skillId;
}
