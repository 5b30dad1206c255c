namespace StudyHub.Identity.Features;

/// <summary>Answers other modules' "who is related to whom" questions, read-only.</summary>
internal sealed class PeopleDirectory(AccountsDbContext db, TimeProvider clock) : IPeopleDirectory
{
    public async Task<StudentSummary?> FindStudentAsync(Guid studentId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking()
            .FirstOrDefaultAsync(u => u.Id == studentId && u.Role == Role.Student && u.ErasedAt == null, cancellationToken);
        return user is null ? null : ToSummary(user);
    }

    public async Task<ClassroomSummary?> FindClassroomAsync(Guid classroomId, CancellationToken cancellationToken) =>
        await db.Classrooms.AsNoTracking()
            .Where(c => c.Id == classroomId && c.ArchivedAt == null)
            .Select(c => new ClassroomSummary(c.Id, c.Name, c.TeacherId, c.TimeZone))
            .FirstOrDefaultAsync(cancellationToken);

    public Task<bool> IsTeacherOfAsync(Guid teacherId, Guid studentId, CancellationToken cancellationToken) =>
        db.Enrollments.AnyAsync(
            e => e.StudentId == studentId
                && db.Classrooms.Any(c => c.Id == e.ClassroomId && c.TeacherId == teacherId && c.ArchivedAt == null),
            cancellationToken);

    public Task<bool> IsParentOfAsync(Guid parentId, Guid studentId, CancellationToken cancellationToken) =>
        db.ParentLinks.AnyAsync(l => l.ParentId == parentId && l.StudentId == studentId, cancellationToken);

    public Task<bool> IsEnrolledAsync(Guid classroomId, Guid studentId, CancellationToken cancellationToken) =>
        db.Enrollments.AnyAsync(e => e.ClassroomId == classroomId && e.StudentId == studentId, cancellationToken);

    public async Task<IReadOnlyList<StudentSummary>> StudentsOfClassroomAsync(Guid classroomId, CancellationToken cancellationToken)
    {
        var students = await db.Users.AsNoTracking()
            .Where(u => u.ErasedAt == null && db.Enrollments.Any(e => e.ClassroomId == classroomId && e.StudentId == u.Id))
            .OrderBy(u => u.DisplayName)
            .ToListAsync(cancellationToken);
        return students.ConvertAll(ToSummary);
    }

    public async Task<IReadOnlyList<ClassroomSummary>> ClassroomsOfStudentAsync(Guid studentId, CancellationToken cancellationToken) =>
        await db.Classrooms.AsNoTracking()
            .Where(c => c.ArchivedAt == null && db.Enrollments.Any(e => e.ClassroomId == c.Id && e.StudentId == studentId))
            .OrderBy(c => c.Name)
            .Select(c => new ClassroomSummary(c.Id, c.Name, c.TeacherId, c.TimeZone))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ClassroomSummary>> ClassroomsOfTeacherAsync(Guid teacherId, CancellationToken cancellationToken) =>
        await db.Classrooms.AsNoTracking()
            .Where(c => c.ArchivedAt == null && c.TeacherId == teacherId)
            .OrderBy(c => c.Name)
            .Select(c => new ClassroomSummary(c.Id, c.Name, c.TeacherId, c.TimeZone))
            .ToListAsync(cancellationToken);

    private StudentSummary ToSummary(User user)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return new StudentSummary(user.Id, user.DisplayName, user.TimeZone, user.IsAwaitingConsent(today), user.IsUnder13(today));
    }
}
