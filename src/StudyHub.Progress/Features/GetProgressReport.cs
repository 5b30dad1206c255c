using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using StudyHub.Kernel.Learning;
using StudyHub.Kernel.Skills;
using StudyHub.Progress.Reports;

namespace StudyHub.Progress.Features;

/// <summary>
/// A student's one-page PDF progress report: the progress view (same access: the student, their
/// teachers, linked parents, administrators; anyone else 404) with the practice standing (streak,
/// points) when the Practice module answers.
/// </summary>
internal sealed class GetProgressReport(GetStudentProgress progress, TimeProvider clock, IPracticeStanding? standings = null, ISkillCatalog? catalog = null)
{
    public async Task<byte[]> HandleAsync(Guid studentId, CancellationToken cancellationToken)
    {
        var view = await progress.HandleAsync(studentId, cancellationToken);
        var standing = standings is null ? null : await standings.FindAsync(studentId, cancellationToken);
        return ProgressReportPdf.Render(From(view, standing), clock.GetUtcNow().UtcDateTime);
    }

    internal ProgressReport From(StudentProgressView view, PracticeStanding? standing)
    {
        var today = view.Activity.Count > 0 ? view.Activity[^1].Date : DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var start = view.Weeks.Count > 0 ? view.Weeks[0].WeekStart : today;
        var skills = view.Skills
            .OrderByDescending(s => s.Mastery).ThenBy(s => s.SkillId, StringComparer.Ordinal)
            .Select(s => new ReportSkill(s.Name ?? s.SkillId, s.Mastery, MasteryWord(s)))
            .ToList();
        var weakSpots = view.WeakSpots
            .Select(w => new ReportWeakSpot(Name(w.SkillId), w.Accuracy, w.Answered, w.Priority,
                w.Action == "review-material" ? "review the homework" : "a practice game on this skill"))
            .ToList();
        return new ProgressReport(
            view.DisplayName, start, today, view.QuestionsAnswered, view.SkillsMastered, view.TimeSpentMinutes,
            standing?.StreakDays, standing?.LongestStreakDays, standing?.TotalPoints,
            skills, weakSpots, [.. view.Weeks.Select(w => new ReportWeek(w.WeekStart, w.Answered, w.Accuracy))]);
    }

    /// <summary>The word beside a bar, as on the progress page.</summary>
    internal static string MasteryWord(SkillProgress skill) => skill.Mastery switch
    {
        _ when skill.Fading => "mastered, fading",
        >= 0.95 => "mastered",
        >= 0.7 => "almost there",
        >= 0.4 => "learning",
        _ => "getting started",
    };

    private string Name(string skillId) => catalog?.Find(skillId)?.Name ?? skillId;

    private static FileContentHttpResult AsPdf(byte[] pdf, Guid studentId) =>
        TypedResults.File(pdf, "application/pdf", $"progress-report-{studentId:N}.pdf");

    /// <summary>The same file for the progress pages' link, signed in by cookie (the API takes bearer tokens only).</summary>
    public static void MapWebDownload(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/students/{studentId:guid}/progress/report.pdf", async Task<FileContentHttpResult> (Guid studentId, GetProgressReport handler, CancellationToken ct) =>
                AsPdf(await handler.HandleAsync(studentId, ct), studentId))
            .RequireAuthorization().ExcludeFromDescription();

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/students/{studentId:guid}/progress/report.pdf", async Task<FileContentHttpResult> (Guid studentId, GetProgressReport handler, CancellationToken ct) =>
                AsPdf(await handler.HandleAsync(studentId, ct), studentId))
            .RequireAuthorization()
            .WithName("GetProgressReport")
            .WithSummary("A one-page PDF progress report: totals, mastery per skill, weak spots, a weekly chart (the student, their teachers, linked parents).")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
