using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace StudyHub.Identity.Features;

/// <summary>The token from <c>DELETE …/students/{studentId}</c>.</summary>
public sealed record RestoreStudentRequest(string? UndoToken);

/// <summary>
/// Undo for a teacher's "remove student": for one minute the removal can be reversed, the student
/// returning with their original join date. The removal travels as a signed, encrypted token in the
/// page's address (no table of pending removals), bound to its classroom and dated by the clock.
/// </summary>
internal sealed class StudentRemovalUndo(IDataProtectionProvider protection, Classrooms classrooms, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private const int MaxTokenLength = 1000;

    private readonly IDataProtector _protector = protection.CreateProtector("StudyHub.Identity.StudentRemovalUndo.v1");

    public string Issue(RemovedStudent removed) => _protector.Protect(string.Join('|',
        removed.ClassroomId.ToString("N"), removed.StudentId.ToString("N"),
        removed.JoinedAt.Ticks.ToString(CultureInfo.InvariantCulture), removed.RemovedAt.Ticks.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The removal a token describes, if it is genuine, for this classroom and still within the minute.</summary>
    public RemovedStudent? Pending(string? token, Guid classroomId)
    {
        var removed = Read(token, classroomId);
        return removed is not null && !Expired(removed) ? removed : null;
    }

    public DateTime UndoUntil(RemovedStudent removed) => removed.RemovedAt + Window;

    /// <summary>
    /// Restores the removed student. The caller must teach the class (403 for other roles, 404 for
    /// another teacher) before the token is even read, so a stale token tells a stranger nothing;
    /// then 404 for a token that is not this class's (or, when <paramref name="studentId"/> is given,
    /// not this student's), 409 once the minute is over.
    /// </summary>
    public async Task<RemovedStudent> UndoAsync(string? token, Guid classroomId, Guid? studentId, CancellationToken cancellationToken)
    {
        await classrooms.RequireTeacherOfAsync(classroomId, cancellationToken);
        var removed = Read(token, classroomId);
        if (removed is null || (studentId is { } expected && removed.StudentId != expected))
        {
            throw new NotFoundException("removal");
        }

        if (Expired(removed))
        {
            throw new ConflictException("undo_expired", "It is more than a minute since the removal, so it can no longer be undone. The student can join again with the class code.");
        }

        await classrooms.RestoreStudentAsync(removed, cancellationToken);
        return removed;
    }

    private bool Expired(RemovedStudent removed) => clock.GetUtcNow().UtcDateTime >= UndoUntil(removed);

    private RemovedStudent? Read(string? token, Guid classroomId)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return null;
        }

        string[] parts;
        try
        {
            parts = _protector.Unprotect(token).Split('|');
        }
        catch (CryptographicException)
        {
            return null;
        }

        if (parts.Length != 4 || !Guid.TryParseExact(parts[0], "N", out var classroom) || classroom != classroomId
            || !Guid.TryParseExact(parts[1], "N", out var student)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var joined)
            || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var removedAt))
        {
            return null;
        }

        return new RemovedStudent(classroom, student, new DateTime(joined, DateTimeKind.Utc), new DateTime(removedAt, DateTimeKind.Utc));
    }

    /// <summary>The API's undo: the student back on the roster, as the roster shows them.</summary>
    public async Task<RosterEntry> RestoreAsync(Guid classroomId, Guid studentId, RestoreStudentRequest request, CancellationToken cancellationToken)
    {
        // Role and ownership before validation: a student or another teacher learns nothing from the body.
        await classrooms.RequireTeacherOfAsync(classroomId, cancellationToken);
        new FieldErrors().RequireText("undoToken", request.UndoToken, MaxTokenLength).ThrowIfAny();
        await UndoAsync(request.UndoToken, classroomId, studentId, cancellationToken);
        var roster = await classrooms.RosterAsync(classroomId, cancellationToken);
        return roster.FirstOrDefault(s => s.StudentId == studentId) ?? throw new NotFoundException("student");
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/classrooms/{classroomId:guid}/students/{studentId:guid}/restore",
                async Task<Ok<RosterEntry>> (Guid classroomId, Guid studentId, RestoreStudentRequest request, StudentRemovalUndo handler, CancellationToken ct) =>
                    TypedResults.Ok(await handler.RestoreAsync(classroomId, studentId, request, ct)))
            .RequireAuthorization()
            .WithTags("Classrooms")
            .WithName("RestoreStudent")
            .WithSummary("Undo a removal within one minute, with the token the removal returned (teachers of the class).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
