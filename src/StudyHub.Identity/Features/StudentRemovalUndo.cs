using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace StudyHub.Identity.Features;

/// <summary>
/// Undo for a teacher's "remove student": for one minute the removal can be reversed, the student
/// returning with their original join date. The removal travels as a signed, encrypted token in the
/// page's address (no table of pending removals), bound to its classroom and dated by the clock.
/// </summary>
internal sealed class StudentRemovalUndo(IDataProtectionProvider protection, Classrooms classrooms, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

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

    /// <summary>Restores the removed student; 404 for a token that is not this class's, 409 once the minute is over.</summary>
    public async Task<RemovedStudent> UndoAsync(string? token, Guid classroomId, CancellationToken cancellationToken)
    {
        var removed = Read(token, classroomId) ?? throw new NotFoundException("removal");
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
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
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
}
