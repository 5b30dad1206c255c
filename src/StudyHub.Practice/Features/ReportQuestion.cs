using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Errors;
using StudyHub.Kernel.Users;
using StudyHub.Practice.Data;
using StudyHub.Practice.Domain;

namespace StudyHub.Practice.Features;

/// <param name="Reason">wrong-answer, unclear, typo or other.</param>
/// <param name="Comment">Optional words for the teacher, at most 500 characters.</param>
public sealed record ReportQuestionRequest(string? Reason, string? Comment);

public sealed record QuestionReportView(Guid Id, Guid QuestionId, string Reason, string? Comment, DateTime CreatedAt);

/// <summary>
/// A student reports a question they were shown in one of their own games; the report is stored for
/// the teacher who reviews the game and voids the question's points for everyone until then. One report per student and question: sending it again returns
/// the first (200) instead of a second (201). A question the student never saw looks missing (404),
/// so reports cannot probe other games.
/// </summary>
internal sealed class ReportQuestion(PracticeDbContext db, ICurrentUser currentUser, PointsVoiding voiding, TimeProvider clock)
{
    // In ReportReason's order.
    private static readonly string[] Reasons = ["wrong-answer", "unclear", "typo", "other"];

    public static IReadOnlyList<string> ReasonNames => Reasons;

    public async Task<(QuestionReportView Report, bool Created)> HandleAsync(Guid questionId, ReportQuestionRequest request, CancellationToken cancellationToken)
    {
        var studentId = currentUser.RequireRole(Role.Student);
        var reason = ParseReason(request.Reason) ?? throw ValidationFailedException.For("reason", "Say what is wrong: " + string.Join(", ", ReasonNames) + ".");
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        if (comment is { Length: > QuestionReport.MaxCommentLength })
        {
            throw ValidationFailedException.For("comment", $"Keep the comment to {QuestionReport.MaxCommentLength} characters.");
        }

        var gameId = await db.Deliveries
            .Where(d => d.QuestionId == questionId)
            .Join(db.Sessions.Where(s => s.StudentId == studentId), d => d.SessionId, s => s.Id, (_, s) => (Guid?)s.GameId)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("question");

        // Two reports of one question at once (by different students) may both void its points: the
        // second save then fails on the voided-points key and is tried again, finding them voided.
        for (var attempt = 1; ; attempt++)
        {
            // The question is locked before anything is read: an answer being written to it commits
            // first and is voided below, and one written later sees the mark (QuestionLocks).
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var question = await QuestionLocks.LockAsync(db, questionId, cancellationToken) ?? throw new NotFoundException("question");
            if (await FindAsync(questionId, studentId, cancellationToken) is { } earlier)
            {
                return (earlier, false);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var report = new QuestionReport
            {
                Id = Guid.CreateVersion7(), QuestionId = questionId, GameId = gameId, StudentId = studentId, Reason = reason, Comment = comment,
                CreatedAt = now,
            };
            db.QuestionReports.Add(report);

            // The report voids the question's points for everyone until a teacher resolves it, in the same commit.
            await voiding.VoidAsync(question, now, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return (ToView(report), true);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                if (attempt == 3)
                {
                    throw new ConflictException("concurrent_report", "Your report could not be saved; send it again.");
                }
            }
        }
    }

    private async Task<QuestionReportView?> FindAsync(Guid questionId, Guid studentId, CancellationToken cancellationToken) =>
        await db.QuestionReports.AsNoTracking().Where(r => r.QuestionId == questionId && r.StudentId == studentId).FirstOrDefaultAsync(cancellationToken) is { } report
            ? ToView(report)
            : null;

    private static QuestionReportView ToView(QuestionReport report) =>
        new(report.Id, report.QuestionId, ReasonNames[(int)report.Reason], report.Comment, report.CreatedAt);

    public static ReportReason? ParseReason(string? name) =>
        Array.IndexOf(Reasons, name?.Trim().ToLowerInvariant()) is var index and >= 0 ? (ReportReason)index : null;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/questions/{id:guid}/reports", async Task<Results<Created<QuestionReportView>, Ok<QuestionReportView>>> (
                Guid id, ReportQuestionRequest request, ReportQuestion handler, CancellationToken ct) =>
            {
                var (report, created) = await handler.HandleAsync(id, request, ct);
                return created ? TypedResults.Created((string?)null, report) : TypedResults.Ok(report);
            })
            .RequireAuthorization()
            .WithName("ReportQuestion")
            .WithSummary("Reports a bad question the signed-in student was shown (wrong answer, unclear, typo, other); once per student and question.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
