using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using StudyHub.Kernel.Jobs;
using StudyHub.Kernel.Learning;
using StudyHub.Progress.Data;
using StudyHub.Progress.Domain;

namespace StudyHub.Progress.Features;

/// <summary>
/// Applies an answered question to the student's mastery and question results. Runs from the
/// outbox, possibly more than once (retries), out of order, and at the same time as the student's
/// other answers (several workers). So: an event id is applied once (remembered in the same
/// transaction); a later attempt seen before the first still tells the first was wrong; evidence
/// older than some already traced makes P(L) be replayed from all of the skill's evidence in the
/// order it was answered, so the result does not depend on the order of delivery; and two answers
/// saved at once cannot both build on the same
/// state (the mastery row's concurrency token, or the keys both insert, fail the second, which
/// starts again here from what the first saved, quietly: that is expected, not an error).
/// </summary>
internal sealed class ApplyAnswerToMastery(ProgressDbContext db, TimeProvider clock, ILogger<ApplyAnswerToMastery> logger) : IIntegrationEventHandler<QuestionAnswered>
{
    /// <summary>Rounds against concurrent answers of the same student before the job itself fails and is retried by the runner.</summary>
    internal const int MaxRounds = 25;

    public async Task HandleAsync(QuestionAnswered answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (string.IsNullOrWhiteSpace(answer.SkillId) || answer.SkillId.Length > SkillMastery.MaxSkillIdLength || answer.Attempt < 1)
        {
            throw new PermanentJobFailureException($"Learning event {answer.EventId} has no usable skill id or attempt number.");
        }

        for (var round = 1; ; round++)
        {
            try
            {
                await ApplyAsync(answer, cancellationToken);
                return;
            }
            catch (DbUpdateException conflict) when (round < MaxRounds && !cancellationToken.IsCancellationRequested)
            {
                logger.LogDebug("Answer {EventId} met a concurrent save of student {StudentId} ({Error}); round {Round} starts again",
                    answer.EventId, answer.StudentId, conflict.GetType().Name, round + 1);
                db.ChangeTracker.Clear();

                // Real time, not the clock: a short random pause so the contenders do not collide again in step.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 4 + Math.Min(round, 10) * 3)), cancellationToken);
            }
        }
    }

    private async Task ApplyAsync(QuestionAnswered answer, CancellationToken cancellationToken)
    {
        if (await db.AppliedEvents.AnyAsync(e => e.EventId == answer.EventId, cancellationToken))
        {
            return;
        }

        db.AppliedEvents.Add(new AppliedEvent { EventId = answer.EventId, AppliedAt = clock.GetUtcNow().UtcDateTime });

        // The mastery row first, then the evidence: an answer saved between the two reads changes the
        // row's version too, so this save fails its concurrency check and starts again. Read the other
        // way round, the version could be newer than the evidence and an answer would be lost.
        var current = await db.Masteries.FirstOrDefaultAsync(m => m.StudentId == answer.StudentId && m.SkillId == answer.SkillId, cancellationToken);
        var skillResults = await db.QuestionResults
            .Where(r => r.StudentId == answer.StudentId && r.SkillId == answer.SkillId)
            .ToListAsync(cancellationToken);
        var result = skillResults.Find(r => r.QuestionId == answer.QuestionId)
            ?? await db.QuestionResults.FirstOrDefaultAsync(r => r.StudentId == answer.StudentId && r.QuestionId == answer.QuestionId, cancellationToken);
        SkillMastery mastery;
        if (result is null)
        {
            // A second or third attempt only exists after a wrong first one, so even when it
            // arrives first it is the evidence "wrong".
            var evidence = answer.Attempt == 1 ? KnowledgeTracing.Evidence(1, answer.Correct, answer.HintsUsed)!.Value : false;
            result = new QuestionResult
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
            };
            db.QuestionResults.Add(result);
            skillResults.Add(result);
            mastery = await TraceEvidenceAsync(answer, current, result, skillResults, cancellationToken);
        }
        else if (result.GameSessionId == answer.GameSessionId && result.SkillId == answer.SkillId)
        {
            // Another attempt at the same question in the same session: it is no evidence, but the
            // question took more attempts and more time (measured from the first delivery).
            result.Attempts = Math.Max(result.Attempts, answer.Attempt);
            result.TimeTakenMs = Math.Max(result.TimeTakenMs, (long)answer.TimeTaken.TotalMilliseconds);
            if (answer.OccurredAt > result.LastAnsweredAt)
            {
                result.LastAnsweredAt = answer.OccurredAt;
            }

            if (answer.OccurredAt < result.FirstAnsweredAt)
            {
                // The first attempt arrived after a later one: the evidence moves back to when it was given.
                result.FirstAnsweredAt = answer.OccurredAt;
                mastery = await TraceEvidenceAsync(answer, current, result, skillResults, cancellationToken);
            }
            else
            {
                mastery = current ?? throw new InvalidOperationException($"Question result of {answer.QuestionId} has no mastery row for {answer.SkillId}.");
                mastery.Version++;
            }
        }
        else
        {
            // A question met again in a later session changes nothing: only the first attempt counts.
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        mastery.Summarise(skillResults);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <param name="changed">The evidence just added, or moved back to when its first attempt was given.</param>
    private async Task<SkillMastery> TraceEvidenceAsync(QuestionAnswered answer, SkillMastery? mastery, QuestionResult changed, List<QuestionResult> skillResults, CancellationToken cancellationToken)
    {
        var from = changed.FirstAnsweredAt;
        var parameters = await ParametersForAsync(db, answer.SkillId, cancellationToken);
        if (mastery is null)
        {
            mastery = new SkillMastery { StudentId = answer.StudentId, SkillId = answer.SkillId, PKnown = parameters.Prior };
            db.Masteries.Add(mastery);
        }

        // History is dated when the student answered, not when the outbox delivered it.
        if (mastery.Evidence == skillResults.Count - 1 && skillResults.TrueForAll(r => r == changed || r.FirstAnsweredAt <= from))
        {
            // The usual case, the newest evidence: one BKT step on the current P(L) (answers of
            // one instant count in the order they arrive).
            mastery.Apply(changed.Correct, parameters, from);
            db.Snapshots.Add(new MasterySnapshot
            {
                Id = Guid.CreateVersion7(from),
                StudentId = answer.StudentId,
                SkillId = answer.SkillId,
                PKnown = mastery.PKnown,
                RecordedAt = from,
            });
            return mastery;
        }

        // Evidence older than some already traced (a late delivery, or a first attempt arriving
        // after the second): replay the skill from the prior, and redraw the history from there.
        var steps = mastery.Replay(skillResults, parameters);
        var redrawn = await db.Snapshots
            .Where(s => s.StudentId == answer.StudentId && s.SkillId == answer.SkillId && s.RecordedAt >= from)
            .ToListAsync(cancellationToken);
        db.Snapshots.RemoveRange(redrawn);
        foreach (var (evidence, pKnown) in steps.Where(s => s.Result.FirstAnsweredAt >= from))
        {
            db.Snapshots.Add(new MasterySnapshot
            {
                Id = Guid.CreateVersion7(evidence.FirstAnsweredAt),
                StudentId = answer.StudentId,
                SkillId = answer.SkillId,
                PKnown = pKnown,
                RecordedAt = evidence.FirstAnsweredAt,
            });
        }

        return mastery;
    }

    public static async Task<BktParameters> ParametersForAsync(ProgressDbContext db, string skillId, CancellationToken cancellationToken)
    {
        var fitted = await db.SkillParameters.AsNoTracking().FirstOrDefaultAsync(p => p.SkillId == skillId, cancellationToken);
        return fitted?.ToParameters() ?? BktParameters.Default;
    }
}
