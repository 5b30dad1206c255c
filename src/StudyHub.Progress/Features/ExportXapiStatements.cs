using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using StudyHub.Kernel.Errors;
using StudyHub.Kernel.Users;
using StudyHub.Kernel.Validation;
using StudyHub.Progress.Xapi;

namespace StudyHub.Progress.Features;

/// <param name="Since">Only statements after this instant (xAPI's <c>since</c>); ignored with a cursor.</param>
/// <param name="Student">Whose statements; a student's own by default.</param>
/// <param name="Classroom">Every student of a classroom the caller teaches.</param>
/// <param name="Cursor">From a previous page's <c>more</c> link.</param>
internal sealed record StatementQuery(DateTimeOffset? Since, Guid? Student, Guid? Classroom, int? Limit, string? Cursor);

/// <summary>
/// The learning-event log as xAPI 1.0.3 statements, oldest first, paged by a cursor. A student
/// reads their own; a teacher a student of their classes or a whole class of theirs; a linked
/// parent their child; an administrator anyone's. A student who is not the caller's is 404.
/// </summary>
internal sealed class ExportXapiStatements(StatementFeed feed, ICurrentUser currentUser, IPeopleDirectory people)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public async Task<XapiStatementPage> HandleAsync(StatementQuery query, CancellationToken cancellationToken)
    {
        var viewerId = currentUser.RequireUserId();
        var errors = new FieldErrors();
        var limit = query.Limit ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"must be between 1 and {MaxLimit}.");
        }

        StatementCursor? cursor = null;
        if (query.Cursor is not null)
        {
            if (StatementCursor.TryDecode(query.Cursor, out var decoded))
            {
                cursor = decoded;
            }
            else
            {
                errors.Add("cursor", "is not a cursor from a previous page's more link.");
            }
        }

        if (query.Student is null && query.Classroom is null && currentUser.Role is Role.Teacher or Role.Parent)
        {
            errors.Add("student", "is required: say whose statements (a teacher may give classroom instead).");
        }

        errors.ThrowIfAny();
        var students = await ScopeAsync(viewerId, query, cancellationToken);
        var since = query.Since?.UtcDateTime;
        var batch = students is { Count: 0 }
            ? new StatementBatch([], null)
            : await feed.ReadAsync(students, cursor, since, limit, cancellationToken);
        return new XapiStatementPage(batch.Statements, batch.Next is { } next ? MoreLink(query, next, limit) : "");
    }

    /// <summary>Whose statements the caller asked for and may read (null: everyone's, for an administrator).</summary>
    private async Task<IReadOnlyCollection<Guid>?> ScopeAsync(Guid viewerId, StatementQuery query, CancellationToken cancellationToken)
    {
        if (query.Classroom is { } classroomId)
        {
            currentUser.RequireRole(Role.Teacher, Role.Admin);
            var classroom = await people.FindClassroomAsync(classroomId, cancellationToken);
            if (classroom is null || (currentUser.Role == Role.Teacher && classroom.TeacherId != viewerId))
            {
                throw new NotFoundException("classroom");
            }

            var roster = (await people.StudentsOfClassroomAsync(classroomId, cancellationToken)).Select(s => s.Id).ToList();
            if (query.Student is { } member)
            {
                return roster.Contains(member) ? [member] : throw new NotFoundException("student");
            }

            return roster;
        }

        if (query.Student is { } studentId)
        {
            return await people.MayViewStudentAsync(currentUser, studentId, cancellationToken) ? [studentId] : throw new NotFoundException("student");
        }

        return currentUser.Role == Role.Admin ? null : [viewerId];
    }

    private static string MoreLink(StatementQuery query, StatementCursor next, int limit)
    {
        var link = "/api/v1/xapi/statements?cursor=" + next.Encode() + "&limit=" + limit.ToString(CultureInfo.InvariantCulture);
        link += query.Student is { } student ? $"&student={student}" : "";
        link += query.Classroom is { } classroom ? $"&classroom={classroom}" : "";
        return link;
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/xapi/statements", async Task<Ok<XapiStatementPage>> (
                [AsParameters] StatementQuery query, ExportXapiStatements handler, HttpContext http, CancellationToken ct) =>
            {
                var page = await handler.HandleAsync(query, ct);
                http.Response.Headers["X-Experience-API-Version"] = StatementMapping.Version;
                return TypedResults.Ok(page);
            })
            .RequireAuthorization()
            .WithName("ExportXapiStatements")
            .WithSummary("Learning events as xAPI 1.0.3 statements, oldest first, paged by the more link (the student, their teachers, linked parents).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
