using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Errors;
using StudyHub.Kernel.Learning;
using StudyHub.Kernel.Users;
using StudyHub.Progress.Data;
using StudyHub.Progress.Domain;

namespace StudyHub.Progress.Features;

/// <summary>
/// A classroom's assignments: all of them for its teacher, the ones set for them (with where they
/// stand) for an enrolled student; and a student's own list across their classes, what is due first.
/// </summary>
internal sealed class ListAssignments(ProgressDbContext db, ICurrentUser currentUser, IPeopleDirectory people, IGameResults games, TimeProvider clock)
{
    public async Task<IReadOnlyList<AssignmentView>> ForClassroomAsync(Guid classroomId, CancellationToken cancellationToken)
    {
        var viewerId = currentUser.RequireRole(Role.Teacher, Role.Student, Role.Admin);
        var classroom = await people.FindClassroomAsync(classroomId, cancellationToken);
        var allowed = classroom is not null && currentUser.Role switch
        {
            Role.Teacher => classroom.TeacherId == viewerId,
            Role.Student => await people.IsEnrolledAsync(classroomId, viewerId, cancellationToken),
            _ => true,
        };
        if (!allowed)
        {
            throw new NotFoundException("classroom");
        }

        var assignments = await db.Assignments.AsNoTracking().Include(a => a.Students)
            .Where(a => a.ClassroomId == classroomId)
            .OrderBy(a => a.DueAt)
            .ToListAsync(cancellationToken);
        return currentUser.Role == Role.Student
            ? await WithStandingAsync(viewerId, assignments.Where(a => a.IsFor(viewerId)), [classroom!], cancellationToken)
            : [.. assignments.Select(a => AssignmentView.Of(a, classroom!))];
    }

    public async Task<IReadOnlyList<AssignmentView>> ForMeAsync(CancellationToken cancellationToken)
    {
        var studentId = currentUser.RequireRole(Role.Student);
        var classrooms = await people.ClassroomsOfStudentAsync(studentId, cancellationToken);
        var ids = classrooms.Select(c => c.Id).ToList();
        var assignments = await db.Assignments.AsNoTracking().Include(a => a.Students)
            .Where(a => ids.Contains(a.ClassroomId))
            .ToListAsync(cancellationToken);
        var mine = await WithStandingAsync(studentId, assignments.Where(a => a.IsFor(studentId)), classrooms, cancellationToken);

        // What still needs doing comes first, the most pressing on top; finished work after it.
        return [.. mine
            .OrderBy(a => a.MyStatus is AssignmentStatus.Completed or AssignmentStatus.CompletedLate)
            .ThenBy(a => a.DueAt)];
    }

    private async Task<List<AssignmentView>> WithStandingAsync(Guid studentId, IEnumerable<Assignment> assignments, IReadOnlyList<ClassroomSummary> classrooms, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var views = new List<AssignmentView>();
        foreach (var assignment in assignments.OrderBy(a => a.DueAt))
        {
            var game = await games.FindGameAsync(assignment.GameId, cancellationToken);
            var plays = await games.PlaysAsync(assignment.GameId, [studentId], assignment.CreatedAt, cancellationToken);
            var standing = AssignmentStanding.From(assignment, plays, game?.QuestionCount ?? 0, now);
            var classroom = classrooms.First(c => c.Id == assignment.ClassroomId);
            views.Add(AssignmentView.Of(assignment, classroom) with { MyStatus = standing.Status, MyBestPoints = standing.BestPoints, StudentIds = null });
        }

        return views;
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/classrooms/{classroomId:guid}/assignments", async Task<Ok<IReadOnlyList<AssignmentView>>> (Guid classroomId, ListAssignments handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ForClassroomAsync(classroomId, ct)))
            .RequireAuthorization()
            .WithName("ListClassroomAssignments")
            .WithSummary("A classroom's assignments: all for its teacher; for a student, the ones set for them with where they stand.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/me/assignments", async Task<Ok<IReadOnlyList<AssignmentView>>> (ListAssignments handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ForMeAsync(ct)))
            .RequireAuthorization()
            .WithName("ListMyAssignments")
            .WithSummary("Your assignments across your classes: what is due (and missing) first, finished work after.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }
}
