using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Errors;
using StudyHub.Kernel.Users;
using StudyHub.Practice.Data;

namespace StudyHub.Practice.Features;

/// <summary>A game with reports waiting for its reviewing teacher.</summary>
public sealed record GameToReview(Guid GameId, string Title, int OpenReports, int QuestionsReported);

/// <summary>
/// What a class's teacher has to look at in games: the games they made, and the games the class's
/// students made, that have open reports (the games this teacher may review, see
/// <see cref="GameReviewAccess"/>). One grouped query over the reports' (game, resolved) index.
/// </summary>
internal sealed class ClassPractice(PracticeDbContext db, ICurrentUser currentUser, IPeopleDirectory people)
{
    public async Task<IReadOnlyList<GameToReview>> OpenReportsAsync(Guid classroomId, CancellationToken cancellationToken)
    {
        var teacherId = currentUser.RequireRole(Role.Teacher);
        var classroom = await people.FindClassroomAsync(classroomId, cancellationToken);
        if (classroom is null || classroom.TeacherId != teacherId)
        {
            throw new NotFoundException("classroom");
        }

        var owners = (await people.StudentsOfClassroomAsync(classroomId, cancellationToken)).Select(s => s.Id).Append(teacherId).ToList();
        var rows = await db.QuestionReports.AsNoTracking()
            .Where(r => r.ResolvedAt == null)
            .Join(db.Games.Where(g => owners.Contains(g.OwnerId)), r => r.GameId, g => g.Id, (r, g) => new { g.Id, g.Title, r.QuestionId })
            .ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => (r.Id, r.Title))
            .Select(g => new GameToReview(g.Key.Id, g.Key.Title, g.Count(), g.Select(r => r.QuestionId).Distinct().Count()))
            .OrderByDescending(g => g.OpenReports).ThenBy(g => g.Title, StringComparer.CurrentCulture)];
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/classrooms/{classroomId:guid}/open-reports", async Task<Ok<IReadOnlyList<GameToReview>>> (Guid classroomId, ClassPractice handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.OpenReportsAsync(classroomId, ct)))
            .RequireAuthorization()
            .WithName("ListOpenQuestionReports")
            .WithSummary("Games with open question reports that the class's teacher reviews (theirs and their students').")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
