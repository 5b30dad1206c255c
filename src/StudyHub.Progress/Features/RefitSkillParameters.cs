using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using StudyHub.Kernel.Jobs;
using StudyHub.Progress.Data;
using StudyHub.Progress.Domain;

namespace StudyHub.Progress.Features;

/// <summary>
/// The recurring refit: every skill with enough first-attempt evidence, and enough new evidence
/// since its last fit, gets its BKT parameters refitted by EM from all students' answer sequences.
/// Only a converged fit replaces the parameters in use; each skill is saved on its own, so a crash
/// part-way keeps the skills already done and a rerun repeats the rest.
/// </summary>
internal sealed class RefitSkillParameters(ProgressDbContext db, TimeProvider clock, ILogger<RefitSkillParameters> logger) : IJobHandler
{
    public const string JobKind = "progress.refit-skill-parameters";

    public string Kind => JobKind;

    /// <summary>Refit again once a skill has this many more answers than at its last fit (or a fifth more, if larger).</summary>
    public const int NewAnswersForRefit = 100;

    public async Task HandleAsync(JobExecution job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var due = await DueSkillsAsync(cancellationToken);
        for (var i = 0; i < due.Count; i++)
        {
            var (skillId, answers) = due[i];
            await job.ReportProgressAsync(100 * i / due.Count, $"Refitting {skillId} from {answers} answers", cancellationToken);
            await RefitAsync(skillId, cancellationToken);
        }
    }

    private async Task<List<(string SkillId, int Answers)>> DueSkillsAsync(CancellationToken cancellationToken)
    {
        var counts = await db.QuestionResults
            .GroupBy(r => r.SkillId)
            .Select(g => new { SkillId = g.Key, Answers = g.Count() })
            .Where(c => c.Answers >= BktRefit.MinimumAnswers)
            .ToListAsync(cancellationToken);
        var fitted = await db.SkillParameters.AsNoTracking().ToDictionaryAsync(p => p.SkillId, p => p.AnswerCount, cancellationToken);
        return [.. counts
            .Where(c => !fitted.TryGetValue(c.SkillId, out var before) || c.Answers - before >= Math.Max(NewAnswersForRefit, before / 5))
            .OrderBy(c => c.SkillId, StringComparer.Ordinal)
            .Select(c => (c.SkillId, c.Answers))];
    }

    private async Task RefitAsync(string skillId, CancellationToken cancellationToken)
    {
        // Each student's first attempts at the skill's questions, in the order they were met.
        var rows = await db.QuestionResults.AsNoTracking()
            .Where(r => r.SkillId == skillId)
            .OrderBy(r => r.StudentId).ThenBy(r => r.FirstAnsweredAt)
            .Select(r => new { r.StudentId, r.Correct })
            .ToListAsync(cancellationToken);
        var sequences = rows.GroupBy(r => r.StudentId).Select(student => (IReadOnlyList<bool>)[.. student.Select(r => r.Correct)]);
        var data = AnswerSequences.From(sequences);

        var stored = await db.SkillParameters.FirstOrDefaultAsync(p => p.SkillId == skillId, cancellationToken);
        var fit = BktRefit.Fit(data, stored?.ToParameters() ?? BktParameters.Default);
        if (!fit.Converged || !fit.Parameters.IsValid)
        {
            logger.LogWarning("The refit of {SkillId} did not converge after {Iterations} iterations; its parameters stay as they were", skillId, fit.Iterations);
            return;
        }

        stored ??= db.SkillParameters.Add(new SkillParameterSet { SkillId = skillId }).Entity;
        (stored.Prior, stored.Learn, stored.Guess, stored.Slip) = (fit.Parameters.Prior, fit.Parameters.Learn, fit.Parameters.Guess, fit.Parameters.Slip);
        stored.AnswerCount = data.AnswerCount;
        stored.FittedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Refitted {SkillId} from {Answers} answers by {Students} students in {Iterations} iterations: {Parameters}",
            skillId, data.AnswerCount, data.SequenceCount, fit.Iterations, fit.Parameters);
    }
}
