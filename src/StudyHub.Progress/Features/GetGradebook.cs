using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using StudyHub.Kernel.Learning;
using StudyHub.Kernel.Users;
using StudyHub.Progress.Data;
using StudyHub.Progress.Domain;

namespace StudyHub.Progress.Features;

public sealed record GradebookRow(Guid StudentId, string DisplayName, AssignmentStatus Status, int? BestPoints, double? Accuracy, int TimeSpentSeconds, DateTime? CompletedAt);

public sealed record GradebookView(AssignmentView Assignment, int QuestionCount, IReadOnlyList<GradebookRow> Students, int Completed, int CompletedLate, int Missing);

/// <summary>An assignment's gradebook for its teacher: per student the status, best score, accuracy and time spent; also as CSV.</summary>
internal sealed class GetGradebook(ProgressDbContext db, ICurrentUser currentUser, IPeopleDirectory people, IGameResults games, TimeProvider clock)
{
    public async Task<GradebookView> HandleAsync(Guid assignmentId, CancellationToken cancellationToken)
    {
        var (assignment, classroom) = await AssignmentAccess.ForTeacherAsync(db, currentUser, people, assignmentId, tracking: false, cancellationToken);
        var students = (await people.StudentsOfClassroomAsync(classroom.Id, cancellationToken)).Where(s => assignment.IsFor(s.Id)).ToList();
        var game = await games.FindGameAsync(assignment.GameId, cancellationToken);
        var plays = (await games.PlaysAsync(assignment.GameId, [.. students.Select(s => s.Id)], assignment.CreatedAt, cancellationToken)).ToLookup(p => p.StudentId);
        var now = clock.GetUtcNow().UtcDateTime;
        var questionCount = game?.QuestionCount ?? 0;

        var rows = students
            .Select(student =>
            {
                var standing = AssignmentStanding.From(assignment, plays[student.Id], questionCount, now);
                return new GradebookRow(student.Id, student.DisplayName, standing.Status, standing.BestPoints, standing.Accuracy,
                    (int)standing.TimeSpent.TotalSeconds, standing.CompletedAt);
            })
            .OrderBy(r => r.DisplayName, StringComparer.CurrentCulture)
            .ToList();
        return new GradebookView(AssignmentView.Of(assignment, classroom), questionCount, rows,
            rows.Count(r => r.Status == AssignmentStatus.Completed), rows.Count(r => r.Status == AssignmentStatus.CompletedLate),
            rows.Count(r => r.Status == AssignmentStatus.Missing));
    }

    public async Task<string> CsvAsync(Guid assignmentId, CancellationToken cancellationToken)
    {
        var view = await HandleAsync(assignmentId, cancellationToken);
        var csv = new SpreadsheetCsv().Text("Student").Text("Status").Text("Best points").Text("Accuracy").Text("Time spent (s)").Text("Completed at (UTC)").EndRow();
        foreach (var row in view.Students)
        {
            csv.Text(row.DisplayName).Text(StatusText(row.Status)).Number(row.BestPoints).Number(row.Accuracy).Number(row.TimeSpentSeconds)
                .Text(row.CompletedAt?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)).EndRow();
        }

        return csv.ToString();
    }

    private static string StatusText(AssignmentStatus status) => status switch
    {
        AssignmentStatus.NotStarted => "not started",
        AssignmentStatus.InProgress => "in progress",
        AssignmentStatus.Completed => "completed",
        AssignmentStatus.CompletedLate => "completed late",
        _ => "missing",
    };

    /// <summary>The CSV for the web UI's download link (cookie sign-in).</summary>
    public static void MapWebDownload(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/assignments/{assignmentId:guid}/gradebook.csv", async Task<FileContentHttpResult> (Guid assignmentId, GetGradebook handler, CancellationToken ct) =>
                ExportClassroomProgress.AsCsvFile(await handler.CsvAsync(assignmentId, ct), $"gradebook-{assignmentId:N}.csv"))
            .RequireAuthorization().ExcludeFromDescription();

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/assignments/{assignmentId:guid}/gradebook", async Task<Ok<GradebookView>> (Guid assignmentId, GetGradebook handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(assignmentId, ct)))
            .RequireAuthorization()
            .WithName("GetGradebook")
            .WithSummary("An assignment you set: each student's status (late work marked, not lost), best score, accuracy and time spent.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/assignments/{assignmentId:guid}/gradebook.csv", async Task<FileContentHttpResult> (Guid assignmentId, GetGradebook handler, CancellationToken ct) =>
                ExportClassroomProgress.AsCsvFile(await handler.CsvAsync(assignmentId, ct), $"gradebook-{assignmentId:N}.csv"))
            .RequireAuthorization()
            .WithName("ExportGradebook")
            .WithSummary("The gradebook as spreadsheet-safe CSV.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
