using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Jobs;
using StudyHub.Kernel.Learning;
using StudyHub.Progress.Data;
using StudyHub.Progress.Domain;

namespace StudyHub.Progress.Features;

/// <summary>
/// Applies an answered question to the student's mastery and question results. Runs from the
/// outbox, possibly more than once (retries) and out of order, so: an event id is applied once
/// (remembered in the same transaction); a later attempt seen before the first still tells the
/// first was wrong; and two answers for one skill at once cannot both start from the same P(L)
/// (the concurrency token fails the second, whose job is retried).
/// </summary>
internal sealed class ApplyAnswerToMastery(ProgressDbContext db, TimeProvider clock) : IIntegrationEventHandler<QuestionAnswered>
{
    public async Task HandleAsync(QuestionAnswered answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (string.IsNullOrWhiteSpace(answer.SkillId) || answer.SkillId.Length > SkillMastery.MaxSkillIdLength || answer.Attempt < 1)
        {
            throw new PermanentJobFailureException($"Learning event {answer.EventId} has no usable skill id or attempt number.");
        }

        if (await db.AppliedEvents.AnyAsync(e => e.EventId == answer.EventId, cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.AppliedEvents.Add(new AppliedEvent { EventId = answer.EventId, AppliedAt = now });

        var result = await db.QuestionResults.FirstOrDefaultAsync(r => r.StudentId == answer.StudentId && r.QuestionId == answer.QuestionId, cancellationToken);
        if (result is null)
        {
            // A second or third attempt only exists after a wrong first one, so even when it
            // arrives first it is the evidence "wrong".
            var evidence = answer.Attempt == 1 ? KnowledgeTracing.Evidence(1, answer.Correct, answer.HintsUsed)!.Value : false;
            db.QuestionResults.Add(new QuestionResult
            {
                StudentId = answer.StudentId,
                QuestionId = answer.QuestionId,
                SkillId = answer.SkillId,
                GameSessionId = answer.GameSessionId,
                Correct = evidence,
                Attempts = answer.Attempt,
                TimeTakenMs = (long)answer.TimeTaken.TotalMilliseconds,
                TimeLimitMs = (long)answer.TimeLimit.TotalMilliseconds,
                FirstAnsweredAt = answer.OccurredAt,
                LastAnsweredAt = answer.OccurredAt,
            });
            await ApplyEvidenceAsync(answer, evidence, cancellationToken);
        }
        else if (result.GameSessionId == answer.GameSessionId)
        {
            // Another attempt at the same question in the same session: it is no evidence, but the
            // question took more attempts and more time (measured from the first delivery).
            result.Attempts = Math.Max(result.Attempts, answer.Attempt);
            result.TimeTakenMs = Math.Max(result.TimeTakenMs, (long)answer.TimeTaken.TotalMilliseconds);
            if (answer.OccurredAt > result.LastAnsweredAt)
            {
                result.LastAnsweredAt = answer.OccurredAt;
            }
        }

        // A question met again in a later session changes nothing: only the first attempt counts.
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task ApplyEvidenceAsync(QuestionAnswered answer, bool correct, CancellationToken cancellationToken)
    {
        var parameters = await ParametersForAsync(db, answer.SkillId, cancellationToken);
        var mastery = await db.Masteries.FirstOrDefaultAsync(m => m.StudentId == answer.StudentId && m.SkillId == answer.SkillId, cancellationToken);
        if (mastery is null)
        {
            mastery = new SkillMastery { StudentId = answer.StudentId, SkillId = answer.SkillId, PKnown = parameters.Prior };
            db.Masteries.Add(mastery);
        }

        // History is dated when the student answered, not when the outbox delivered it.
        mastery.Apply(correct, parameters, answer.OccurredAt);
        db.Snapshots.Add(new MasterySnapshot
        {
            Id = Guid.CreateVersion7(answer.OccurredAt),
            StudentId = answer.StudentId,
            SkillId = answer.SkillId,
            PKnown = mastery.PKnown,
            RecordedAt = answer.OccurredAt,
        });
    }

    public static async Task<BktParameters> ParametersForAsync(ProgressDbContext db, string skillId, CancellationToken cancellationToken)
    {
        var fitted = await db.SkillParameters.AsNoTracking().FirstOrDefaultAsync(p => p.SkillId == skillId, cancellationToken);
        return fitted?.ToParameters() ?? BktParameters.Default;
    }
}
