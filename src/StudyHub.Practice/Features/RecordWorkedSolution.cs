using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Jobs;
using StudyHub.Kernel.Learning;
using StudyHub.Practice.Data;
using StudyHub.Practice.Domain;

namespace StudyHub.Practice.Features;

/// <summary>
/// A worked solution seen on the math help page goes into the learning-event log as every hint of
/// the problem used, and reaches mastery as a hinted (so not-known) first attempt through the same
/// <see cref="QuestionAnswered"/> event a game publishes. The problem text names the question and,
/// with the student, the event: seeing the same solution again (a refresh) records nothing more.
/// </summary>
internal sealed class RecordWorkedSolution(PracticeDbContext db, TimeProvider clock) : IWorkedSolutions
{
    public async Task RecordShownAsync(Guid studentId, string skillId, string problem, CancellationToken cancellationToken)
    {
        var questionId = NameBasedId("math-help-problem", problem);
        var eventId = NameBasedId(studentId.ToString("N"), problem);
        if (await db.LearningEvents.AnyAsync(e => e.Id == eventId, cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.LearningEvents.Add(new LearningEvent
        {
            Id = eventId, StudentId = studentId, Kind = LearningEventKind.HintUsed, QuestionId = questionId, SkillId = skillId,
            HintsUsed = Scoring.MaxHintLevels, Attempt = 1, OccurredAt = now,
        });
        db.PublishEvent(new QuestionAnswered(eventId, studentId, skillId, questionId, GameSessionId: null, Correct: false, Attempt: 1,
            HintsUsed: Scoring.MaxHintLevels, TimeSpan.Zero, TimeSpan.Zero, now), clock);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two requests showed the same solution at once and the other one recorded it; anything else is a real failure.
            db.ChangeTracker.Clear();
            if (!await db.LearningEvents.AsNoTracking().AnyAsync(e => e.Id == eventId, CancellationToken.None))
            {
                throw;
            }
        }
    }

    /// <summary>A stable id from a name (the first 16 bytes of its SHA-256), so one problem is one question.</summary>
    private static Guid NameBasedId(string scope, string name) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes(scope + "\n" + name)).AsSpan(0, 16));
}
