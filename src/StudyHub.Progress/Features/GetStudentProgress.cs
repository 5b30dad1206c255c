using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Errors;
using StudyHub.Kernel.Skills;
using StudyHub.Kernel.Users;
using StudyHub.Progress.Data;
using StudyHub.Progress.Domain;

namespace StudyHub.Progress.Features;

/// <param name="Mastery">P(L), 0–1.</param>
/// <param name="Trend">Change in P(L) over the last 7 days (from the prior when practice began within them).</param>
/// <param name="Accuracy">Share of answered questions right at the first attempt without a hint; null before any.</param>
public sealed record SkillProgress(
    string SkillId,
    string? Name,
    string? Subject,
    double Mastery,
    bool Mastered,
    double Trend,
    int Answered,
    double? Accuracy,
    DateTime? LastPracticedAt);

/// <summary>The next best practice; <c>Reason</c> is <c>next-on-the-path</c> or <c>weak-spot</c>.</summary>
public sealed record RecommendationView(string SkillId, string Reason, double Mastery, string Action, Guid? MaterialId);

public sealed record SubjectAccuracy(string Subject, int Answered, double Accuracy);

public sealed record StudentProgressView(
    Guid StudentId,
    IReadOnlyList<SkillProgress> Skills,
    IReadOnlyList<SubjectAccuracy> AccuracyBySubject,
    IReadOnlyList<WeakSpotView> WeakSpots,
    RecommendationView? Recommendation,
    int QuestionsAnswered,
    int SkillsMastered,
    double TimeSpentMinutes);

/// <summary>
/// One student's progress, for the student, their teachers, linked parents and administrators;
/// anyone else gets 404 (whether the student exists is not theirs to learn). The skill catalogue
/// belongs to the Content module; while none is registered skills show by id without prerequisites.
/// </summary>
internal sealed class GetStudentProgress(ProgressDbContext db, ICurrentUser currentUser, IPeopleDirectory people, TimeProvider clock, ISkillCatalog? catalog = null)
{
    public static readonly TimeSpan TrendWindow = TimeSpan.FromDays(7);

    public async Task<StudentProgressView> HandleAsync(Guid studentId, CancellationToken cancellationToken)
    {
        currentUser.RequireUserId();
        if (!await people.MayViewStudentAsync(currentUser, studentId, cancellationToken))
        {
            throw new NotFoundException("student");
        }

        var cutoff = clock.GetUtcNow().UtcDateTime - TrendWindow;

        var masteries = await db.Masteries.AsNoTracking().Where(m => m.StudentId == studentId).ToListAsync(cancellationToken);
        var results = await db.QuestionResults.AsNoTracking().Where(r => r.StudentId == studentId).ToListAsync(cancellationToken);
        var weekAgo = await db.Snapshots.AsNoTracking()
            .Where(s => s.StudentId == studentId && s.RecordedAt <= cutoff)
            .GroupBy(s => s.SkillId)
            .Select(g => g.OrderByDescending(s => s.RecordedAt).Select(s => new { s.SkillId, s.PKnown }).First())
            .ToDictionaryAsync(s => s.SkillId, s => s.PKnown, cancellationToken);
        var parameters = await db.SkillParameters.AsNoTracking().ToDictionaryAsync(p => p.SkillId, p => p.ToParameters(), cancellationToken);
        var skillParameters = new SkillParameters(parameters, BktParameters.Default);

        var resultsBySkill = results.GroupBy(r => r.SkillId).ToDictionary(g => g.Key, g => g.ToList());
        var skills = masteries
            .OrderBy(m => m.SkillId, StringComparer.Ordinal)
            .Select(m =>
            {
                var answered = resultsBySkill.GetValueOrDefault(m.SkillId) ?? [];
                var skill = catalog?.Find(m.SkillId);
                var before = weekAgo.TryGetValue(m.SkillId, out var p) ? p : skillParameters.For(m.SkillId).Prior;
                return new SkillProgress(
                    m.SkillId, skill?.Name, skill?.Subject,
                    Math.Round(m.PKnown, 4), KnowledgeTracing.IsMastered(m.PKnown), Math.Round(m.PKnown - before, 4),
                    answered.Count, answered.Count == 0 ? null : Math.Round((double)answered.Count(r => r.Correct) / answered.Count, 4),
                    answered.Count == 0 ? m.UpdatedAt : answered.Max(r => r.LastAnsweredAt));
            })
            .ToList();

        var bySubject = results
            .GroupBy(r => catalog?.Find(r.SkillId)?.Subject ?? SubjectOf(r.SkillId))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SubjectAccuracy(g.Key, g.Count(), Math.Round((double)g.Count(r => r.Correct) / g.Count(), 4)))
            .ToList();

        // No exam module yet, so e is left out; no homework-to-skill link yet, so no review material.
        var weakSpots = WeakSpots.Rank(resultsBySkill
            .Select(g => WeakSpots.Assess(g.Key, [.. g.Value.Select(r => r.ToOutcome())], examWeight: null, reviewMaterial: null))
            .OfType<WeakSpot>());

        var path = catalog is null
            ? masteries.ToDictionary(m => m.SkillId, _ => (IReadOnlyList<string>)[])
            : catalog.All.ToDictionary(s => s.Id, s => s.Prerequisites);
        var next = NextPractice.Recommend(path, masteries.ToDictionary(m => m.SkillId, m => m.PKnown), skill => skillParameters.For(skill).Prior, weakSpots);

        return new StudentProgressView(
            studentId,
            skills,
            bySubject,
            [.. weakSpots.Select(WeakSpotView.From)],
            next is null ? null : new RecommendationView(
                next.SkillId,
                next.Reason == RecommendationReason.WeakSpot ? "weak-spot" : "next-on-the-path",
                Math.Round(next.PKnown, 4),
                WeakSpotView.ActionName(next.Action.Kind),
                next.Action.MaterialId),
            results.Count,
            skills.Count(s => s.Mastered),
            Math.Round(results.Sum(r => r.TimeTakenMs) / 60_000.0, 1));
    }

    /// <summary>Skill ids are dotted by subject (<c>math.fractions</c>), so the subject is their first part.</summary>
    internal static string SubjectOf(string skillId)
    {
        var dot = skillId.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? skillId[..dot] : skillId;
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/students/{studentId:guid}/progress", async Task<Ok<StudentProgressView>> (Guid studentId, GetStudentProgress handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(studentId, ct)))
            .RequireAuthorization()
            .WithName("GetStudentProgress")
            .WithSummary("A student's mastery per skill with its 7-day trend, accuracy by subject, weak spots and the next best practice (the student, their teachers, linked parents).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
