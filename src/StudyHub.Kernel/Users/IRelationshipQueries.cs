namespace StudyHub.Kernel.Users;

/// <summary>A student of a classroom, as another module may show them.</summary>
public sealed record ClassroomStudent(Guid StudentId, string DisplayName);

/// <summary>
/// "Is this my student or my child?" for modules that show a student's learning data (Progress,
/// reports). Implemented by Identity, which owns classrooms and parent links.
/// </summary>
public interface IRelationshipQueries
{
    /// <summary>
    /// Whether <paramref name="viewerId"/> may see <paramref name="studentId"/>'s learning data:
    /// the student themself, a teacher of a classroom the student is in, a linked parent, or an administrator.
    /// False as well when no such student exists.
    /// </summary>
    Task<bool> MaySeeStudentAsync(Guid viewerId, Role viewerRole, Guid studentId, CancellationToken cancellationToken);

    /// <summary>
    /// The students of a classroom the viewer teaches (any classroom for an administrator), ordered
    /// by name; null when there is no such classroom or it is not the viewer's.
    /// </summary>
    Task<IReadOnlyList<ClassroomStudent>?> ClassroomStudentsAsync(Guid viewerId, Role viewerRole, Guid classroomId, CancellationToken cancellationToken);
}
