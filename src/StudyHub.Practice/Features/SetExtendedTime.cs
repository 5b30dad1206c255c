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

/// <param name="Percent">The multiplier on every question's time limit in percent: 100 (none) to 300, in steps of 25.</param>
public sealed record SetExtendedTimeRequest(int? Percent);

/// <param name="Label">The multiplier as a teacher reads it ("1.5×").</param>
public sealed record StudentExtendedTime(Guid StudentId, string DisplayName, int Percent, string Label);

/// <summary>
/// The teacher of a class sets a student's extended time for games (a multiplier on every limit);
/// sessions started afterwards use the largest setting among the student's classes. Only the class's
/// teacher: students and parents 403, another teacher 404 (as for a class that does not exist), a
/// student not in the class 404.
/// </summary>
internal sealed class SetExtendedTime(PracticeDbContext db, ICurrentUser currentUser, IPeopleDirectory people, TimeProvider clock)
{
    public async Task<IReadOnlyList<StudentExtendedTime>> ListAsync(Guid classroomId, CancellationToken cancellationToken)
    {
        await OwnClassroomAsync(classroomId, cancellationToken);
        var students = await people.StudentsOfClassroomAsync(classroomId, cancellationToken);
        var settings = await db.ExtendedTimes.AsNoTracking().Where(e => e.ClassroomId == classroomId).ToDictionaryAsync(e => e.StudentId, e => e.Percent, cancellationToken);
        return [.. students.OrderBy(s => s.DisplayName, StringComparer.CurrentCultureIgnoreCase).Select(s => View(s, settings.GetValueOrDefault(s.Id, ExtendedTime.None)))];
    }

    public async Task<StudentExtendedTime> HandleAsync(Guid classroomId, Guid studentId, SetExtendedTimeRequest request, CancellationToken cancellationToken)
    {
        var teacherId = await OwnClassroomAsync(classroomId, cancellationToken);
        if (request.Percent is not { } percent || !ExtendedTime.IsValid(percent))
        {
            throw ValidationFailedException.For("percent", $"Choose {ExtendedTime.None} (none) to {ExtendedTime.Max} percent in steps of {ExtendedTime.Step}.");
        }

        var student = await people.FindStudentAsync(studentId, cancellationToken);
        if (student is null || !await people.IsEnrolledAsync(classroomId, studentId, cancellationToken))
        {
            throw new NotFoundException("student");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var setting = await db.ExtendedTimes.FirstOrDefaultAsync(e => e.ClassroomId == classroomId && e.StudentId == studentId, cancellationToken);
        if (setting is null)
        {
            db.ExtendedTimes.Add(new ExtendedTime { ClassroomId = classroomId, StudentId = studentId, Percent = percent, SetBy = teacherId, SetAt = now });
        }
        else
        {
            (setting.Percent, setting.SetBy, setting.SetAt) = (percent, teacherId, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Set twice at once: the first row stands; this setting is applied on top of it.
            db.ChangeTracker.Clear();
            var first = await db.ExtendedTimes.FirstAsync(e => e.ClassroomId == classroomId && e.StudentId == studentId, cancellationToken);
            (first.Percent, first.SetBy, first.SetAt) = (percent, teacherId, now);
            await db.SaveChangesAsync(cancellationToken);
        }

        return View(student, percent);
    }

    private async Task<Guid> OwnClassroomAsync(Guid classroomId, CancellationToken cancellationToken)
    {
        var teacherId = currentUser.RequireRole(Role.Teacher);
        var classroom = await people.FindClassroomAsync(classroomId, cancellationToken);
        return classroom is not null && classroom.TeacherId == teacherId ? teacherId : throw new NotFoundException("classroom");
    }

    private static StudentExtendedTime View(StudentSummary student, int percent) =>
        new(student.Id, student.DisplayName, percent, ExtendedTime.Label(percent));

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/classrooms/{classroomId:guid}/extended-time", async Task<Ok<IReadOnlyList<StudentExtendedTime>>> (Guid classroomId, SetExtendedTime handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(classroomId, ct)))
            .RequireAuthorization()
            .WithName("ListExtendedTime")
            .WithSummary("The extended-time multiplier of every student of the class, for its teacher.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPut("/classrooms/{classroomId:guid}/students/{studentId:guid}/extended-time", async Task<Ok<StudentExtendedTime>> (
                Guid classroomId, Guid studentId, SetExtendedTimeRequest request, SetExtendedTime handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(classroomId, studentId, request, ct)))
            .RequireAuthorization()
            .WithName("SetExtendedTime")
            .WithSummary("The class's teacher sets a student's extended time for games (percent of every time limit, 100–300 in steps of 25).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
