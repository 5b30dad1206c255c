using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Privacy;

namespace StudyHub.Progress.Data;

/// <summary>
/// The Progress module's part of a GDPR export and erasure: a student's mastery, its history and
/// the question results behind it, their flashcards' memory, their badges and uploads in the learning-event log; a teacher's assignments. Erasure also takes the student's
/// answers out of future refits (they were evidence about them).
/// </summary>
internal sealed class ProgressPersonalData(ProgressDbContext db) : IPersonalDataContributor
{
    public string Section => "progress";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken cancellationToken) => new
    {
        mastery = await db.Masteries.AsNoTracking().Where(m => m.StudentId == userId).OrderBy(m => m.SkillId)
            .Select(m => new { m.SkillId, m.PKnown, m.Evidence, m.CorrectEvidence, m.AttemptsTotal, m.TimeSpentMs, m.MasteredAt, m.UpdatedAt })
            .ToListAsync(cancellationToken),
        masteryHistory = await db.Snapshots.AsNoTracking().Where(s => s.StudentId == userId).OrderBy(s => s.RecordedAt)
            .Select(s => new { s.SkillId, s.PKnown, s.RecordedAt })
            .ToListAsync(cancellationToken),
        questionResults = await db.QuestionResults.AsNoTracking().Where(r => r.StudentId == userId).OrderBy(r => r.FirstAnsweredAt)
            .Select(r => new { r.QuestionId, r.SkillId, r.GameSessionId, r.Correct, r.Attempts, r.TimeTakenMs, r.TimeLimitMs, r.FirstAnsweredAt, r.LastAnsweredAt })
            .ToListAsync(cancellationToken),
        flashcardMemory = await db.CardMemories.AsNoTracking().Where(c => c.StudentId == userId).OrderBy(c => c.ReviewedAt)
            .Select(c => new { c.CardId, c.SkillId, c.StabilityDays, c.ReviewedAt })
            .ToListAsync(cancellationToken),
        weeklySummariesReceived = await db.WeeklySummaries.AsNoTracking().Where(w => w.ParentId == userId).OrderBy(w => w.WeekEnding)
            .Select(w => new { w.WeekEnding, w.SentAt, w.Children })
            .ToListAsync(cancellationToken),
        learningEvents = (await db.Activities.AsNoTracking().Where(a => a.StudentId == userId).OrderBy(a => a.OccurredAt).ToListAsync(cancellationToken))
            .ConvertAll(a => new { kind = a.Kind.ToString(), a.ObjectId, a.Name, a.Count, a.OccurredAt }),
        assignmentsSet = await db.Assignments.AsNoTracking().Where(a => a.TeacherId == userId).OrderBy(a => a.CreatedAt)
            .Select(a => new { a.Id, a.ClassroomId, a.GameId, a.Title, a.DueAt, a.CreatedAt })
            .ToListAsync(cancellationToken),
    };

    public async Task EraseAsync(Guid userId, CancellationToken cancellationToken)
    {
        await db.Masteries.Where(m => m.StudentId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Snapshots.Where(s => s.StudentId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.QuestionResults.Where(r => r.StudentId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.CardMemories.Where(c => c.StudentId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Activities.Where(a => a.StudentId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.WeeklySummaries.Where(w => w.ParentId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<Domain.AssignmentStudent>().Where(s => s.StudentId == userId).ExecuteDeleteAsync(cancellationToken);
        // A departed teacher's assignments go with them; their students' plays stay in Practice.
        var taught = db.Assignments.Where(a => a.TeacherId == userId).Select(a => a.Id);
        await db.Set<Domain.AssignmentStudent>().Where(s => taught.Contains(s.AssignmentId)).ExecuteDeleteAsync(cancellationToken);
        await db.Assignments.Where(a => a.TeacherId == userId).ExecuteDeleteAsync(cancellationToken);
    }
}
