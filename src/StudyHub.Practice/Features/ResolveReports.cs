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

/// <param name="Resolution">fine (the question was right: voided points come back), fixed or hidden (they stay voided).</param>
public sealed record ResolveReportsRequest(string? Resolution);

/// <summary>
/// A reviewing teacher closes every open report of a question at once. "fine" gives everyone's
/// voided points back; "fixed" and "hidden" keep them voided for good (the points were earned on a
/// bad question), and "hidden" also hides the question. The reports, the question and every point
/// change commit in one save; resolving a question with no open report changes nothing, so a
/// retried request is harmless.
/// </summary>
internal sealed class ResolveReports(PracticeDbContext db, ICurrentUser currentUser, IPeopleDirectory people, PointsVoiding voiding, TimeProvider clock)
{
    // In ReportResolution's order.
    private static readonly string[] Resolutions = ["fine", "fixed", "hidden"];

    public static IReadOnlyList<string> ResolutionNames => Resolutions;

    public async Task<ReviewQuestion> HandleAsync(Guid gameId, Guid questionId, ResolveReportsRequest request, CancellationToken cancellationToken)
    {
        var (game, teacherId) = await GameReviewAccess.ReviewableAsync(db, currentUser, people, gameId, track: false, cancellationToken);
        var resolution = Array.IndexOf(Resolutions, request.Resolution?.Trim().ToLowerInvariant()) is var index and >= 0
            ? (ReportResolution)index
            : throw ValidationFailedException.For("resolution", "Say how the question was: " + string.Join(", ", Resolutions) + ".");

        // Locked like a report (QuestionLocks): an answer being written to it commits before the points are restored or made final.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var question = await QuestionLocks.LockAsync(db, questionId, cancellationToken) is { } found && found.GameId == game.Id
            ? found
            : throw new NotFoundException("question");

        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.QuestionReports.Where(r => r.QuestionId == question.Id && r.ResolvedAt == null).ToListAsync(cancellationToken);
        if (open.Count > 0)
        {
            foreach (var report in open)
            {
                report.ResolvedAt = now;
                report.Resolution = resolution;
                report.ResolvedBy = teacherId;
            }

            if (resolution == ReportResolution.Fine)
            {
                await voiding.RestoreAsync(question, cancellationToken);
            }
            else
            {
                await voiding.KeepVoidedAsync(question, cancellationToken);
            }

            if (resolution == ReportResolution.Hidden)
            {
                question.HiddenAt ??= now;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another request resolved (or reported) at the same moment: nothing was applied; say so.
                throw new ConflictException("concurrent_resolution", "The reports changed while you were resolving them; look at the question again.");
            }
        }

        return await GetGameReview.QuestionViewAsync(db, people, question, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/games/{id:guid}/questions/{questionId:guid}/resolution", async Task<Ok<ReviewQuestion>> (
                Guid id, Guid questionId, ResolveReportsRequest request, ResolveReports handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, questionId, request, ct)))
            .RequireAuthorization()
            .WithName("ResolveQuestionReports")
            .WithSummary("Closes a question's open reports: fine (voided points come back), fixed or hidden (they stay voided).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
