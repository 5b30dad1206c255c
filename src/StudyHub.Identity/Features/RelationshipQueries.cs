using Microsoft.EntityFrameworkCore;
using StudyHub.Identity.Data;
using StudyHub.Identity.Domain;
using StudyHub.Kernel.Users;

namespace StudyHub.Identity.Features;

/// <summary>Identity's answer to other modules' "is this my student or child" (see <see cref="IRelationshipQueries"/>).</summary>
internal sealed class RelationshipQueries(AccountsDbContext db) : IRelationshipQueries
{
    public async Task<bool> MaySeeStudentAsync(Guid viewerId, Role viewerRole, Guid studentId, CancellationToken cancellationToken)
    {
        var student = db.Users.AsNoTracking().Where(u => u.Id == studentId && u.Role == Role.Student && u.ErasedAt == null);
        return viewerRole switch
        {
            Role.Student => viewerId == studentId && await student.AnyAsync(cancellationToken),
            Role.Teacher => await student.AnyAsync(s => db.Enrollments.Any(e => e.StudentId == s.Id
                && db.Classrooms.Any(c => c.Id == e.ClassroomId && c.TeacherId == viewerId && c.ArchivedAt == null)), cancellationToken),
            Role.Parent => await student.AnyAsync(s => db.ParentLinks.Any(l => l.StudentId == s.Id && l.ParentId == viewerId), cancellationToken),
            Role.Admin => await student.AnyAsync(cancellationToken),
            _ => false,
        };
    }

    public async Task<IReadOnlyList<ClassroomStudent>?> ClassroomStudentsAsync(Guid viewerId, Role viewerRole, Guid classroomId, CancellationToken cancellationToken)
    {
        var visible = viewerRole switch
        {
            Role.Teacher => await db.Classrooms.AnyAsync(c => c.Id == classroomId && c.TeacherId == viewerId && c.ArchivedAt == null, cancellationToken),
            Role.Admin => await db.Classrooms.AnyAsync(c => c.Id == classroomId, cancellationToken),
            _ => false,
        };
        if (!visible)
        {
            return null;
        }

        return await (from e in db.Enrollments
                      join u in db.Users on e.StudentId equals u.Id
                      where e.ClassroomId == classroomId && u.ErasedAt == null
                      orderby u.DisplayName
                      select new ClassroomStudent(u.Id, u.DisplayName)).AsNoTracking().ToListAsync(cancellationToken);
    }
}
