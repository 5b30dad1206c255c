using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Learning;
using StudyHub.Practice.Data;
using StudyHub.Practice.Domain;

namespace StudyHub.Practice.Features;

/// <summary>The learning-event log for exports (xAPI). Callers check who may read whose rows.</summary>
internal sealed class LearningRecords(PracticeDbContext db) : ILearningRecords
{
    public async Task<IReadOnlyList<LearningRecord>> AfterAsync(IReadOnlyCollection<Guid>? studentIds, DateTime after, int limit, CancellationToken cancellationToken) =>
        Project(await Of(studentIds).Where(e => e.OccurredAt > after).OrderBy(e => e.OccurredAt).Take(limit).ToListAsync(cancellationToken));

    public async Task<IReadOnlyList<LearningRecord>> AtAsync(IReadOnlyCollection<Guid>? studentIds, DateTime at, CancellationToken cancellationToken) =>
        Project(await Of(studentIds).Where(e => e.OccurredAt == at).ToListAsync(cancellationToken));

    private IQueryable<LearningEvent> Of(IReadOnlyCollection<Guid>? studentIds)
    {
        var events = db.LearningEvents.AsNoTracking();
        if (studentIds is null)
        {
            return events;
        }

        var ids = studentIds.ToList();
        return events.Where(e => ids.Contains(e.StudentId));
    }

    // The kinds share their names; mapping by name keeps the log's stored strings free to change order.
    private static List<LearningRecord> Project(List<LearningEvent> events) =>
        events.ConvertAll(e => new LearningRecord(
            e.Id, e.StudentId, Enum.Parse<LearningRecordKind>(e.Kind.ToString()), e.SessionId, e.QuestionId, e.SkillId, e.Correct, e.Attempt, e.HintsUsed,
            e.TimeTakenMs, e.TimeLimitMs, e.Points, e.OccurredAt));
}
