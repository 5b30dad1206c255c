using StudyHub.Kernel.Time;

namespace StudyHub.Identity.Features;

public sealed record CreateClassroomRequest(string? Name, string? Subject, string? Grade, string? TimeZone);

public sealed record JoinClassroomRequest(string? Code);

/// <summary>A classroom as its viewer may see it: the join code only for its teacher.</summary>
public sealed record ClassroomView(Guid Id, string Name, string Subject, string Grade, string TimeZone, string TeacherName, int StudentCount, string? JoinCode, DateTime CreatedAt);

/// <summary>A student on a teacher's roster, with where their consent stands and whether a parent has linked.</summary>
public sealed record RosterEntry(Guid StudentId, string DisplayName, DateTime JoinedAt, bool AwaitingParentalConsent, bool Under13, string? ConsentBasis, bool ParentLinked);

public sealed record ChangeClassroomTimeZoneRequest(string? TimeZone);

/// <summary>The enrollment a teacher just removed: enough to put it back as it was.</summary>
internal sealed record RemovedStudent(Guid ClassroomId, Guid StudentId, DateTime JoinedAt, DateTime RemovedAt);

/// <summary>Teachers create classrooms and hand out join codes; students join with the code.</summary>
internal sealed class Classrooms(AccountsDbContext db, ICurrentUser currentUser, TimeProvider clock)
{
    public const int JoinCodeLength = 6;

    public async Task<ClassroomView> CreateAsync(CreateClassroomRequest request, CancellationToken cancellationToken)
    {
        var teacherId = currentUser.RequireRole(Role.Teacher);
        var errors = new FieldErrors()
            .RequireText("name", request.Name, Classroom.MaxNameLength)
            .RequireText("subject", request.Subject, Classroom.MaxSubjectLength)
            .RequireText("grade", request.Grade, Classroom.MaxGradeLength);
        var timeZone = ValidTimeZone(errors, request.TimeZone);
        errors.ThrowIfAny();
        var classroom = new Classroom
        {
            Id = Guid.NewGuid(),
            TeacherId = teacherId,
            Name = request.Name!.Trim(),
            Subject = request.Subject!.Trim(),
            Grade = request.Grade!.Trim(),
            TimeZone = timeZone,
            JoinCode = await FreshJoinCodeAsync(cancellationToken),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Classrooms.Add(classroom);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(classroom.Id, cancellationToken);
    }

    /// <summary>The classrooms the caller teaches (teacher) or is enrolled in (student); linked children's for a parent.</summary>
    public async Task<IReadOnlyList<ClassroomView>> ListMineAsync(CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        IQueryable<Classroom> query = currentUser.Role switch
        {
            Role.Teacher => db.Classrooms.Where(c => c.TeacherId == userId),
            Role.Student => db.Classrooms.Where(c => db.Enrollments.Any(e => e.ClassroomId == c.Id && e.StudentId == userId)),
            Role.Parent => db.Classrooms.Where(c => db.Enrollments.Any(e => e.ClassroomId == c.Id
                && db.ParentLinks.Any(l => l.ParentId == userId && l.StudentId == e.StudentId))),
            Role.Admin => db.Classrooms,
            _ => db.Classrooms.Where(_ => false),
        };
        var ids = await query.Where(c => c.ArchivedAt == null).OrderBy(c => c.Name).Select(c => c.Id).Take(500).ToListAsync(cancellationToken);
        return await ProjectAsync(ids, userId, cancellationToken);
    }

    public async Task<ClassroomView> GetAsync(Guid classroomId, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var visible = currentUser.Role switch
        {
            Role.Teacher => db.Classrooms.Any(c => c.Id == classroomId && c.TeacherId == userId),
            Role.Student => db.Enrollments.Any(e => e.ClassroomId == classroomId && e.StudentId == userId),
            Role.Parent => db.Enrollments.Any(e => e.ClassroomId == classroomId && db.ParentLinks.Any(l => l.ParentId == userId && l.StudentId == e.StudentId)),
            Role.Admin => db.Classrooms.Any(c => c.Id == classroomId),
            _ => false,
        };
        if (!visible)
        {
            throw new NotFoundException("classroom");
        }

        return (await ProjectAsync([classroomId], userId, cancellationToken)).Single();
    }

    public async Task<ClassroomView> JoinAsync(JoinClassroomRequest request, CancellationToken cancellationToken)
    {
        var studentId = currentUser.RequireRole(Role.Student);
        var code = ShortCode.Normalize(request.Code);
        if (code.Length == 0)
        {
            throw ValidationFailedException.For("code", "is required.");
        }

        var classroom = await db.Classrooms.AsNoTracking().FirstOrDefaultAsync(c => c.JoinCode == code && c.ArchivedAt == null, cancellationToken)
            ?? throw new JoinCodeNotFoundException();
        if (!await db.Enrollments.AnyAsync(e => e.ClassroomId == classroom.Id && e.StudentId == studentId, cancellationToken))
        {
            db.Enrollments.Add(new Enrollment { ClassroomId = classroom.Id, StudentId = studentId, JoinedAt = clock.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same student joined twice at once; the primary key kept one enrollment.
            }
        }

        return await GetAsync(classroom.Id, cancellationToken);
    }

    public async Task<IReadOnlyList<RosterEntry>> RosterAsync(Guid classroomId, CancellationToken cancellationToken)
    {
        await RequireOwnClassroomAsync(classroomId, cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = await (from e in db.Enrollments
                          join u in db.Users on e.StudentId equals u.Id
                          where e.ClassroomId == classroomId
                          orderby u.DisplayName
                          select new { e.JoinedAt, User = u, ParentLinked = db.ParentLinks.Any(l => l.StudentId == u.Id) })
                          .AsNoTracking().ToListAsync(cancellationToken);
        return rows.Select(r => new RosterEntry(
            r.User.Id, r.User.DisplayName, r.JoinedAt, r.User.IsAwaitingConsent(today), r.User.IsUnder13(today),
            r.User.ParentalConsentGrantedAt is null ? null : r.User.ParentalConsentBasis, r.ParentLinked)).ToList();
    }

    public async Task<RemovedStudent> RemoveStudentAsync(Guid classroomId, Guid studentId, CancellationToken cancellationToken)
    {
        await RequireOwnClassroomAsync(classroomId, cancellationToken);
        var enrollment = await db.Enrollments.AsNoTracking().FirstOrDefaultAsync(e => e.ClassroomId == classroomId && e.StudentId == studentId, cancellationToken);
        var removed = await db.Enrollments.Where(e => e.ClassroomId == classroomId && e.StudentId == studentId).ExecuteDeleteAsync(cancellationToken);
        if (enrollment is null || removed == 0)
        {
            throw new NotFoundException("student");
        }

        return new RemovedStudent(classroomId, studentId, enrollment.JoinedAt, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>Puts a removed student back with their original join date (the undo of <see cref="RemoveStudentAsync"/>).</summary>
    public async Task RestoreStudentAsync(RemovedStudent removed, CancellationToken cancellationToken)
    {
        await RequireOwnClassroomAsync(removed.ClassroomId, cancellationToken);
        if (!await db.Users.AnyAsync(u => u.Id == removed.StudentId && u.ErasedAt == null, cancellationToken))
        {
            throw new NotFoundException("student");
        }

        if (!await db.Enrollments.AnyAsync(e => e.ClassroomId == removed.ClassroomId && e.StudentId == removed.StudentId, cancellationToken))
        {
            db.Enrollments.Add(new Enrollment { ClassroomId = removed.ClassroomId, StudentId = removed.StudentId, JoinedAt = removed.JoinedAt });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The student rejoined (or undo ran twice) at the same moment; one enrollment is kept.
            }
        }
    }

    /// <summary>A student's display name, for the undo message of a removal the caller made.</summary>
    public async Task<string> StudentNameAsync(Guid studentId, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == studentId && u.ErasedAt == null).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) ?? "The student";

    public async Task<ClassroomView> ChangeTimeZoneAsync(Guid classroomId, ChangeClassroomTimeZoneRequest request, CancellationToken cancellationToken)
    {
        var classroom = await RequireOwnClassroomAsync(classroomId, cancellationToken);
        var errors = new FieldErrors();
        var timeZone = ValidTimeZone(errors, request.TimeZone);
        errors.ThrowIfAny();
        classroom.TimeZone = timeZone;
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(classroomId, cancellationToken);
    }

    private static string ValidTimeZone(FieldErrors errors, string? requested)
    {
        var timeZone = string.IsNullOrWhiteSpace(requested) ? "UTC" : requested.Trim();
        if (!TimeZoneChoices.IsKnown(timeZone))
        {
            errors.Add("timeZone", "must be a time zone from the list, such as Europe/London or America/New_York.");
        }

        return timeZone;
    }

    public async Task LeaveAsync(Guid classroomId, CancellationToken cancellationToken)
    {
        var studentId = currentUser.RequireRole(Role.Student);
        var removed = await db.Enrollments.Where(e => e.ClassroomId == classroomId && e.StudentId == studentId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            throw new NotFoundException("classroom");
        }
    }

    public async Task<ClassroomView> RegenerateJoinCodeAsync(Guid classroomId, CancellationToken cancellationToken)
    {
        var classroom = await RequireOwnClassroomAsync(classroomId, cancellationToken);
        classroom.JoinCode = await FreshJoinCodeAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(classroomId, cancellationToken);
    }

    private async Task<Classroom> RequireOwnClassroomAsync(Guid classroomId, CancellationToken cancellationToken)
    {
        var teacherId = currentUser.RequireRole(Role.Teacher);
        return await db.Classrooms.FirstOrDefaultAsync(c => c.Id == classroomId && c.TeacherId == teacherId, cancellationToken)
            ?? throw new NotFoundException("classroom");
    }

    private async Task<string> FreshJoinCodeAsync(CancellationToken cancellationToken)
    {
        // 31^6 ≈ 887 million codes: a clash is rare, and a few retries make it vanishing.
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var code = ShortCode.New(JoinCodeLength);
            if (!await db.Classrooms.AnyAsync(c => c.JoinCode == code, cancellationToken))
            {
                return code;
            }
        }

        throw new ConflictException("join_code_exhausted", "Could not find a free join code; try again.");
    }

    private async Task<IReadOnlyList<ClassroomView>> ProjectAsync(IReadOnlyCollection<Guid> ids, Guid viewerId, CancellationToken cancellationToken)
    {
        var rows = await (from c in db.Classrooms
                          join t in db.Users on c.TeacherId equals t.Id
                          where ids.Contains(c.Id)
                          orderby c.Name
                          select new
                          {
                              Classroom = c,
                              TeacherName = t.DisplayName,
                              Students = db.Enrollments.Count(e => e.ClassroomId == c.Id),
                          }).AsNoTracking().ToListAsync(cancellationToken);
        return rows.Select(r => new ClassroomView(
            r.Classroom.Id, r.Classroom.Name, r.Classroom.Subject, r.Classroom.Grade, r.Classroom.TimeZone, r.TeacherName, r.Students,
            r.Classroom.TeacherId == viewerId ? r.Classroom.JoinCode : null, r.Classroom.CreatedAt)).ToList();
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        // Every classroom endpoint is for signed-in users (401) of a given role (403 for the others).
        var classrooms = api.MapGroup("/classrooms").RequireAuthorization().WithTags("Classrooms")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        classrooms.MapPost("/", async Task<Created<ClassroomView>> (CreateClassroomRequest request, Classrooms handler, CancellationToken ct) =>
            {
                var created = await handler.CreateAsync(request, ct);
                return TypedResults.Created($"/api/v1/classrooms/{created.Id}", created);
            })
            .WithName("CreateClassroom").WithSummary("Create a classroom (teachers); the response carries its join code.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        classrooms.MapGet("/", async Task<Ok<IReadOnlyList<ClassroomView>>> (Classrooms handler, CancellationToken ct) => TypedResults.Ok(await handler.ListMineAsync(ct)))
            .WithName("ListClassrooms").WithSummary("Classrooms you teach, attend, or (parents) your children attend.");
        classrooms.MapGet("/{classroomId:guid}", async Task<Ok<ClassroomView>> (Guid classroomId, Classrooms handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(classroomId, ct)))
            .WithName("GetClassroom").WithSummary("One classroom you teach or attend.").ProducesProblem(StatusCodes.Status404NotFound);
        classrooms.MapPost("/join", async Task<Ok<ClassroomView>> (JoinClassroomRequest request, Classrooms handler, CancellationToken ct) => TypedResults.Ok(await handler.JoinAsync(request, ct)))
            .WithName("JoinClassroom").WithSummary("Join a classroom with its join code (students).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        classrooms.MapGet("/{classroomId:guid}/students", async Task<Ok<IReadOnlyList<RosterEntry>>> (Guid classroomId, Classrooms handler, CancellationToken ct) => TypedResults.Ok(await handler.RosterAsync(classroomId, ct)))
            .WithName("GetRoster").WithSummary("The roster of a classroom you teach.").ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        classrooms.MapDelete("/{classroomId:guid}/students/{studentId:guid}", async Task<NoContent> (Guid classroomId, Guid studentId, Classrooms handler, CancellationToken ct) =>
            {
                await handler.RemoveStudentAsync(classroomId, studentId, ct);
                return TypedResults.NoContent();
            })
            .WithName("RemoveStudent").WithSummary("Remove a student from a classroom you teach.").ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        classrooms.MapPost("/{classroomId:guid}/join-code", async Task<Ok<ClassroomView>> (Guid classroomId, Classrooms handler, CancellationToken ct) => TypedResults.Ok(await handler.RegenerateJoinCodeAsync(classroomId, ct)))
            .WithName("RegenerateJoinCode").WithSummary("Replace the join code of a classroom you teach.").ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        classrooms.MapPut("/{classroomId:guid}/time-zone", async Task<Ok<ClassroomView>> (Guid classroomId, ChangeClassroomTimeZoneRequest request, Classrooms handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ChangeTimeZoneAsync(classroomId, request, ct)))
            .WithName("ChangeClassroomTimeZone").WithSummary("Change the time zone that decides a classroom's days and deadlines (teachers).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        classrooms.MapDelete("/{classroomId:guid}/membership", async Task<NoContent> (Guid classroomId, Classrooms handler, CancellationToken ct) =>
            {
                await handler.LeaveAsync(classroomId, ct);
                return TypedResults.NoContent();
            })
            .WithName("LeaveClassroom").WithSummary("Leave a classroom (students).").ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }
}

internal sealed class JoinCodeNotFoundException() : StudyHubException(404, "join_code_not_found", "No classroom has this join code. Check it with your teacher.");
