using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using StudyHub.Kernel.Errors;
using StudyHub.Kernel.Learning;
using StudyHub.Kernel.Users;
using StudyHub.Progress.Data;
using StudyHub.Progress.Domain;

namespace StudyHub.Progress.Features;

/// <param name="GameId">A game the teacher made (from a homework or a skill).</param>
/// <param name="Title">Shown to students; the game's title when left out.</param>
/// <param name="DueLocal">The due date and time on the class's clock, e.g. <c>2026-12-01T17:00</c>.</param>
/// <param name="StudentIds">Some students of the class; everyone (now and later) when left out.</param>
public sealed record CreateAssignmentRequest(Guid? GameId, string? Title, string? DueLocal, IReadOnlyList<Guid>? StudentIds);

/// <summary>A teacher sets one of their games for a classroom they teach, due at a local time in the class's time zone.</summary>
internal sealed class CreateAssignment(ProgressDbContext db, ICurrentUser currentUser, IPeopleDirectory people, IGameResults games, TimeProvider clock)
{
    public async Task<AssignmentView> HandleAsync(Guid classroomId, CreateAssignmentRequest request, CancellationToken cancellationToken)
    {
        var teacherId = currentUser.RequireRole(Role.Teacher);
        var classroom = await people.FindClassroomAsync(classroomId, cancellationToken);
        if (classroom is null || classroom.TeacherId != teacherId)
        {
            throw new NotFoundException("classroom");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new Dictionary<string, string[]>();
        var title = request.Title?.Trim();
        if (title is { Length: > Assignment.MaxTitleLength })
        {
            errors["title"] = [$"Use at most {Assignment.MaxTitleLength} characters."];
        }

        var dueAt = ParseDue(request.DueLocal, classroom, now, errors);
        var students = request.StudentIds?.Distinct().ToList() ?? [];
        if (students.Count > 0)
        {
            var roster = (await people.StudentsOfClassroomAsync(classroomId, cancellationToken)).Select(s => s.Id).ToHashSet();
            if (students.Any(id => !roster.Contains(id)))
            {
                errors["studentIds"] = ["Every student must be in this class."];
            }
        }

        if (request.GameId is not { } gameId)
        {
            errors["gameId"] = ["Choose one of your games."];
            throw new ValidationFailedException(errors);
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        // Another teacher's game (or a student's) is not the caller's to hand out: it does not exist for them.
        var game = await games.FindGameAsync(gameId, cancellationToken);
        if (game is null || game.OwnerId != teacherId)
        {
            throw new NotFoundException("game");
        }

        var assignment = new Assignment
        {
            Id = Guid.CreateVersion7(),
            ClassroomId = classroomId,
            TeacherId = teacherId,
            GameId = game.Id,
            Title = string.IsNullOrEmpty(title) ? game.Title : title,
            DueAt = dueAt!.Value,
            CreatedAt = now,
        };
        assignment.Students.AddRange(students.Select(id => new AssignmentStudent { AssignmentId = assignment.Id, StudentId = id }));
        db.Assignments.Add(assignment);
        await db.SaveChangesAsync(cancellationToken);
        return AssignmentView.Of(assignment, classroom);
    }

    private static DateTime? ParseDue(string? dueLocal, ClassroomSummary classroom, DateTime now, Dictionary<string, string[]> errors)
    {
        if (!DateTime.TryParseExact(dueLocal, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            errors["dueLocal"] = [$"Give the due date and time on the class's clock ({classroom.TimeZone}), like 2026-12-01T17:00."];
            return null;
        }

        var zone = ClassClock.Zone(classroom.TimeZone);
        if (zone.IsInvalidTime(local))
        {
            errors["dueLocal"] = [$"{dueLocal} does not exist in {classroom.TimeZone}: the clocks skip that hour. Choose another time."];
            return null;
        }

        // An hour that happens twice (clocks going back) is taken at its later occurrence: more time, never less.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Min() : zone.GetUtcOffset(local);
        var dueAt = DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        if (dueAt <= now)
        {
            errors["dueLocal"] = ["The due time has already passed; choose a time in the future."];
            return null;
        }

        return dueAt;
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/classrooms/{classroomId:guid}/assignments",
                async Task<Created<AssignmentView>> (Guid classroomId, CreateAssignmentRequest request, CreateAssignment handler, CancellationToken ct) =>
                {
                    var view = await handler.HandleAsync(classroomId, request, ct);
                    return TypedResults.Created($"/api/v1/assignments/{view.Id}/gradebook", view);
                })
            .RequireAuthorization()
            .WithName("CreateAssignment")
            .WithSummary("Set one of your games for a classroom you teach (or some of its students), due at a local time on the class's clock.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
