using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Errors;
using StudyHub.Kernel.Users;
using StudyHub.Progress.Data;
using StudyHub.Progress.Domain;

namespace StudyHub.Progress.Features;

/// <summary>
/// An assignment as its class sees it. <see cref="DueLocal"/> is the due time on the class's clock;
/// <see cref="MyStatus"/> and <see cref="MyBestPoints"/> are filled for the student asking.
/// </summary>
public sealed record AssignmentView(
    Guid Id,
    Guid ClassroomId,
    string ClassroomName,
    Guid GameId,
    string Title,
    DateTime DueAt,
    string DueLocal,
    string TimeZone,
    DateTime CreatedAt,
    IReadOnlyList<Guid>? StudentIds,
    AssignmentStatus? MyStatus = null,
    int? MyBestPoints = null)
{
    internal static AssignmentView Of(Assignment assignment, ClassroomSummary classroom) => new(
        assignment.Id, classroom.Id, classroom.Name, assignment.GameId, assignment.Title, assignment.DueAt,
        ClassClock.ToLocal(assignment.DueAt, classroom.TimeZone).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        classroom.TimeZone, assignment.CreatedAt,
        assignment.Students.Count == 0 ? null : [.. assignment.Students.Select(s => s.StudentId)]);
}

/// <summary>The class's wall clock: converting between its local times and UTC instants.</summary>
internal static class ClassClock
{
    public static DateTime ToLocal(DateTime utc, string timeZone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone(timeZone));

    public static TimeZoneInfo Zone(string timeZone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}

/// <summary>The one way features reach an assignment for its teacher (or an administrator); 404 for anyone else.</summary>
internal static class AssignmentAccess
{
    public static async Task<(Assignment Assignment, ClassroomSummary Classroom)> ForTeacherAsync(
        ProgressDbContext db, ICurrentUser currentUser, IPeopleDirectory people, Guid assignmentId, bool tracking, CancellationToken cancellationToken)
    {
        var viewerId = currentUser.RequireRole(Role.Teacher, Role.Admin);
        var query = tracking ? db.Assignments : db.Assignments.AsNoTracking();
        var assignment = await query.Include(a => a.Students).FirstOrDefaultAsync(a => a.Id == assignmentId, cancellationToken);
        var classroom = assignment is null ? null : await people.FindClassroomAsync(assignment.ClassroomId, cancellationToken);
        if (assignment is null || classroom is null || (currentUser.Role == Role.Teacher && classroom.TeacherId != viewerId))
        {
            throw new NotFoundException("assignment");
        }

        return (assignment, classroom);
    }
}
