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

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/classrooms/{classroomId:guid}/progress.csv", async Task<FileContentHttpResult> (Guid classroomId, ExportClassroomProgress handler, CancellationToken ct) =>
            {
                // A byte-order mark so spreadsheets read names with accents as UTF-8.
                var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(await handler.HandleAsync(classroomId, ct))).ToArray();
                return TypedResults.File(bytes, "text/csv; charset=utf-8", $"progress-{classroomId:N}.csv");
            })
            .RequireAuthorization()
            .WithName("ExportClassroomProgress")
            .WithSummary("A classroom you teach as spreadsheet-safe CSV: P(L) per student and skill, skills mastered, weak spots.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
