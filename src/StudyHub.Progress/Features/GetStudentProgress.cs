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
/// <param name="Retrievability">The skill's flashcards' mean FSRS retrievability today (the share the student should recall now); null without reviewed cards.</param>
/// <param name="Fading">Mastered, but its cards' retrievability today is below 0.9: time to review them.</param>
public sealed record SkillProgress(
    string SkillId,
    string? Name,
    string? Subject,
    double Mastery,
    bool Mastered,
    double Trend,
    int Answered,
    double? Accuracy,
    DateTime? LastPracticedAt,
    double? Retrievability = null,
    bool Fading = false);

/// <summary>The next best practice; <c>Reason</c> is <c>next-on-the-path</c> or <c>weak-spot</c>.</summary>
public sealed record RecommendationView(string SkillId, string Reason, double Mastery, string Action, Guid? MaterialId);

public sealed record SubjectAccuracy(string Subject, int Answered, double Accuracy);

/// <summary>Questions first answered on one day of the student's own calendar (their time zone).</summary>
public sealed record ActivityDay(DateOnly Date, int Answered);

/// <summary>One week of practice (weeks start on Monday, student's calendar): how much, how well, how fast.</summary>
/// <param name="Accuracy">Share right at the first attempt without a hint; null in a week without practice.</param>
/// <param name="MedianSeconds">Median time taken per question; null in a week without practice.</param>
public sealed record WeeklyPractice(DateOnly WeekStart, int Answered, double? Accuracy, double? MedianSeconds);

public sealed record StudentProgressView(
    Guid StudentId,
    string DisplayName,
    IReadOnlyList<SkillProgress> Skills,
    IReadOnlyList<SubjectAccuracy> AccuracyBySubject,
    IReadOnlyList<WeakSpotView> WeakSpots,
    RecommendationView? Recommendation,
    int QuestionsAnswered,
    int SkillsMastered,
    double TimeSpentMinutes,
    IReadOnlyList<ActivityDay> Activity,
    IReadOnlyList<WeeklyPractice> Weeks);

/// <summary>
/// One student's progress, for the student, their teachers, linked parents and administrators;
/// anyone else gets 404 (whether the student exists is not theirs to learn). The skill catalogue
/// belongs to the Content module; while none is registered skills show by id without prerequisites.
/// </summary>
internal sealed class GetStudentProgress(ProgressDbContext db, ICurrentUser currentUser, IPeopleDirectory people, TimeProvider clock, ISkillCatalog? catalog = null)
{
    public static readonly TimeSpan TrendWindow = TimeSpan.FromDays(7);

    /// <summary>The activity calendar and the weekly chart cover the last twelve weeks (today's included).</summary>
    public const int ActivityWeeks = 12;

    public async Task<StudentProgressView> HandleAsync(Guid studentId, CancellationToken cancellationToken)
    {
        currentUser.RequireUserId();
        if (!await people.MayViewStudentAsync(currentUser, studentId, cancellationToken)
            || await people.FindStudentAsync(studentId, cancellationToken) is not { } student)
        {
            throw new NotFoundException("student");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now - TrendWindow;

        var masteries = await db.Masteries.AsNoTracking().Where(m => m.StudentId == studentId).ToListAsync(cancellationToken);
        var weekAgo = await db.Snapshots.AsNoTracking()
            .Where(s => s.StudentId == studentId && s.RecordedAt <= cutoff)
            .GroupBy(s => s.SkillId)
            .Select(g => g.OrderByDescending(s => s.RecordedAt).Select(s => new { s.SkillId, s.PKnown }).First())
            .ToDictionaryAsync(s => s.SkillId, s => s.PKnown, cancellationToken);
        var cards = (await db.CardMemories.AsNoTracking().Where(c => c.StudentId == studentId).ToListAsync(cancellationToken)).ToLookup(c => c.SkillId);
        var parameters = await db.SkillParameters.AsNoTracking().ToDictionaryAsync(p => p.SkillId, p => p.ToParameters(), cancellationToken);
        var skillParameters = new SkillParameters(parameters, BktParameters.Default);

        // A day or a week is the student's own: an answer at 23:30 in Berlin belongs to that evening.
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(student.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, zone));
        var firstWeek = PracticeCalendar.WeekStart(today).AddDays(-7 * (ActivityWeeks - 1));
        var since = now - TimeSpan.FromDays(7 * ActivityWeeks + 1);
        var recent = await db.QuestionResults.AsNoTracking()
            .Where(r => r.StudentId == studentId && r.FirstAnsweredAt >= since)
            .Select(r => new PracticedQuestion(r.FirstAnsweredAt, r.Correct, r.TimeTakenMs))
            .ToListAsync(cancellationToken);
        var calendar = PracticeCalendar.From(recent, zone, firstWeek, today);

        var skills = masteries
            .OrderBy(m => m.SkillId, StringComparer.Ordinal)
            .Select(m =>
            {
                var skill = catalog?.Find(m.SkillId);
                var before = weekAgo.TryGetValue(m.SkillId, out var p) ? p : skillParameters.For(m.SkillId).Prior;
                var mastered = KnowledgeTracing.IsMastered(m.PKnown);
                var recall = ForgettingCurve.OfSkill(cards[m.SkillId], now);
                return new SkillProgress(
                    m.SkillId, skill?.Name, skill?.Subject,
                    Math.Round(m.PKnown, 4), mastered, Math.Round(m.PKnown - before, 4),
                    m.Evidence, m.Evidence == 0 ? null : Math.Round((double)m.CorrectEvidence / m.Evidence, 4),
                    m.UpdatedAt,
                    recall is { } r ? Math.Round(r, 4) : null,
                    mastered && recall < ForgettingCurve.FadingBelow);
            })
            .ToList();

        var bySubject = masteries
            .GroupBy(m => catalog?.Find(m.SkillId)?.Subject ?? SubjectOf(m.SkillId))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Subject: g.Key, Answered: g.Sum(m => m.Evidence), Correct: g.Sum(m => m.CorrectEvidence)))
            .Where(g => g.Answered > 0)
            .Select(g => new SubjectAccuracy(g.Subject, g.Answered, Math.Round((double)g.Correct / g.Answered, 4)))
            .ToList();

        // No exam module yet, so e is left out; no homework-to-skill link yet, so no review material.
        var weakSpots = WeakSpots.Rank(masteries
            .Select(m => WeakSpots.Assess(m.SkillId, m.Stats, examWeight: null, reviewMaterial: null))
            .OfType<WeakSpot>());

        // The path stays within the subjects the student practises: a maths student stuck on
        // linear equations is sent to a missing prerequisite, not to an unrelated biology skill.
        var practisedSubjects = masteries.Select(m => catalog?.Find(m.SkillId)?.Subject ?? SubjectOf(m.SkillId)).ToHashSet(StringComparer.Ordinal);
        var path = catalog is null
            ? masteries.ToDictionary(m => m.SkillId, _ => (IReadOnlyList<string>)[])
            : catalog.All.Where(s => practisedSubjects.Contains(s.Subject)).ToDictionary(s => s.Id, s => s.Prerequisites);
        var next = NextPractice.Recommend(path, masteries.ToDictionary(m => m.SkillId, m => m.PKnown), skill => skillParameters.For(skill).Prior, weakSpots);

        return new StudentProgressView(
            studentId,
            student.DisplayName,
            skills,
            bySubject,
            [.. weakSpots.Select(WeakSpotView.From)],
            next is null ? null : new RecommendationView(
                next.SkillId,
                next.Reason == RecommendationReason.WeakSpot ? "weak-spot" : "next-on-the-path",
                Math.Round(next.PKnown, 4),
                WeakSpotView.ActionName(next.Action.Kind),
                next.Action.MaterialId),
            masteries.Sum(m => m.Evidence),
            skills.Count(s => s.Mastered),
            Math.Round(masteries.Sum(m => m.TimeSpentMs) / 60_000.0, 1),
            calendar.Days,
            calendar.Weeks);
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
