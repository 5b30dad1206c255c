namespace StudyHub.Kernel.Users;

/// <summary>A student as other modules may show them: enough to list, rank and schedule, nothing private.</summary>
public sealed record StudentSummary(Guid Id, string DisplayName, string TimeZone, bool AwaitingConsent, bool IsUnder13);

/// <summary>A classroom as other modules see it.</summary>
public sealed record ClassroomSummary(Guid Id, string Name, Guid TeacherId, string TimeZone);

/// <summary>
/// Who is related to whom, answered by the Identity module for the others (homework, practice,
/// progress): the questions behind "may this teacher/parent see this student's data?". Archived
/// classrooms and erased accounts count as no relation.
/// </summary>
public interface IPeopleDirectory
{
    Task<StudentSummary?> FindStudentAsync(Guid studentId, CancellationToken cancellationToken);

    Task<ClassroomSummary?> FindClassroomAsync(Guid classroomId, CancellationToken cancellationToken);

    /// <summary>True when the student is enrolled in a classroom this teacher runs.</summary>
    Task<bool> IsTeacherOfAsync(Guid teacherId, Guid studentId, CancellationToken cancellationToken);

    Task<bool> IsParentOfAsync(Guid parentId, Guid studentId, CancellationToken cancellationToken);

    Task<bool> IsEnrolledAsync(Guid classroomId, Guid studentId, CancellationToken cancellationToken);

    Task<IReadOnlyList<StudentSummary>> StudentsOfClassroomAsync(Guid classroomId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ClassroomSummary>> ClassroomsOfStudentAsync(Guid studentId, CancellationToken cancellationToken);

    /// <summary>The classes a teacher runs (not archived), by name.</summary>
    Task<IReadOnlyList<ClassroomSummary>> ClassroomsOfTeacherAsync(Guid teacherId, CancellationToken cancellationToken);
}

public static class PeopleDirectoryExtensions
{
    /// <summary>
    /// May <paramref name="viewer"/> read <paramref name="studentId"/>'s learning data? The student
    /// themself, a teacher of one of their classes, a linked parent, or an administrator (false when no such student exists).
    /// </summary>
    public static async Task<bool> MayViewStudentAsync(this IPeopleDirectory people, ICurrentUser viewer, Guid studentId, CancellationToken cancellationToken)
    {
        if (viewer.UserId is not { } viewerId || viewer.Role is not { } role)
        {
            return false;
        }

        return role switch
        {
            Role.Student => viewerId == studentId,
            Role.Teacher => await people.IsTeacherOfAsync(viewerId, studentId, cancellationToken),
            Role.Parent => await people.IsParentOfAsync(viewerId, studentId, cancellationToken),
            Role.Admin => await people.FindStudentAsync(studentId, cancellationToken) is not null,
            _ => false,
        };
    }
}
