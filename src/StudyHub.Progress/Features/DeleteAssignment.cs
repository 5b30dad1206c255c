using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using StudyHub.Kernel.Users;
using StudyHub.Progress.Data;

namespace StudyHub.Progress.Features;

/// <summary>The teacher withdraws an assignment. Students' plays of the game stay (they are the students' work).</summary>
internal sealed class DeleteAssignment(ProgressDbContext db, ICurrentUser currentUser, IPeopleDirectory people)
{
    public async Task HandleAsync(Guid assignmentId, CancellationToken cancellationToken)
    {
        var (assignment, _) = await AssignmentAccess.ForTeacherAsync(db, currentUser, people, assignmentId, tracking: true, cancellationToken);
        db.Assignments.Remove(assignment);
        await db.SaveChangesAsync(cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/assignments/{assignmentId:guid}", async Task<NoContent> (Guid assignmentId, DeleteAssignment handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(assignmentId, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization()
            .WithName("DeleteAssignment")
            .WithSummary("Withdraw an assignment you set; students' plays are kept.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
