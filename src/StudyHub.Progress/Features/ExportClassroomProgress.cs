using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using StudyHub.Progress.Domain;

namespace StudyHub.Progress.Features;

/// <summary>
/// A classroom's progress as CSV for a spreadsheet: one row per student, P(L) per skill, skills
/// mastered and weak spots. Same access as the class view (it reuses it); cells are neutralised
/// against formula injection.
/// </summary>
internal sealed class ExportClassroomProgress(GetClassroomProgress classroomProgress)
{
    public async Task<string> HandleAsync(Guid classroomId, CancellationToken cancellationToken)
    {
        var view = await classroomProgress.HandleAsync(classroomId, cancellationToken);
        var csv = new SpreadsheetCsv().Text("Student");
        foreach (var skill in view.Skills)
        {
            csv.Text(skill);
        }

        csv.Text("Skills mastered").Text("Weak spots").EndRow();
        foreach (var row in view.Students)
        {
            csv.Text(row.DisplayName);
            foreach (var mastery in row.Mastery)
            {
                csv.Number(mastery);
            }

            csv.Number(row.SkillsMastered).Number(row.WeakSpots).EndRow();
        }

        return csv.ToString();
    }

    /// <summary>A byte-order mark first so spreadsheets read names with accents as UTF-8.</summary>
    internal static FileContentHttpResult AsCsvFile(string csv, string fileName) =>
        TypedResults.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)], "text/csv; charset=utf-8", fileName);

    /// <summary>The same file for the web UI: a plain link, signed in by cookie (the API takes bearer tokens only).</summary>
    public static void MapWebDownload(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/classrooms/{classroomId:guid}/progress.csv", async Task<FileContentHttpResult> (Guid classroomId, ExportClassroomProgress handler, CancellationToken ct) =>
                AsCsvFile(await handler.HandleAsync(classroomId, ct), $"progress-{classroomId:N}.csv"))
            .RequireAuthorization().ExcludeFromDescription();

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/classrooms/{classroomId:guid}/progress.csv", async Task<FileContentHttpResult> (Guid classroomId, ExportClassroomProgress handler, CancellationToken ct) =>
                AsCsvFile(await handler.HandleAsync(classroomId, ct), $"progress-{classroomId:N}.csv"))
            .RequireAuthorization()
            .WithName("ExportClassroomProgress")
            .WithSummary("A classroom you teach as spreadsheet-safe CSV: P(L) per student and skill, skills mastered, weak spots.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
