using StudyHub.Kernel.Validation;

namespace StudyHub.Content.Features;

public sealed record HomeworkSummary(Guid Id, string Title, string Status, int Progress, string ProgressMessage, string? FailureReason, string? Subject, int ProblemCount, DateTime CreatedAt);

public sealed record HomeworkList(IReadOnlyList<HomeworkSummary> Items, int Page, int PageSize, int Total);

/// <summary>
/// A student's homework, newest first, in pages. Students list their own; a teacher or parent
/// passes <c>studentId</c> for a student of their class or a linked child.
/// </summary>
internal sealed class ListHomework(ContentDbContext db, ICurrentUser currentUser, IPeopleDirectory people)
{
    public const int MaxPageSize = 100;

    public async Task<HomeworkList> HandleAsync(Guid? studentId, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        var errors = new FieldErrors();
        if (page is < 1)
        {
            errors.Add("page", "must be 1 or more.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"must be between 1 and {MaxPageSize}.");
        }

        errors.ThrowIfAny();
        var ownerId = studentId ?? userId;
        if (ownerId != userId && !await people.MayViewStudentAsync(currentUser, ownerId, cancellationToken))
        {
            throw new NotFoundException("student");
        }

        var number = page ?? 1;
        var size = pageSize ?? 20;
        var query = db.Homework.AsNoTracking().Where(h => h.OwnerId == ownerId);
        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(h => h.CreatedAt).ThenByDescending(h => h.Id)
            .Skip((number - 1) * size).Take(size)
            .Select(h => new { h.Id, h.Title, h.Status, h.Progress, h.ProgressMessage, h.FailureReason, h.Subject, h.CreatedAt, Problems = db.Problems.Count(p => p.HomeworkId == h.Id) })
            .ToListAsync(cancellationToken);
        return new HomeworkList(
            items.ConvertAll(h => new HomeworkSummary(h.Id, h.Title, HomeworkProgressNotifier.StatusName(h.Status), h.Progress, h.ProgressMessage, h.FailureReason, h.Subject, h.Problems, h.CreatedAt)),
            number,
            size,
            total);
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/homework", async Task<Ok<HomeworkList>> (Guid? studentId, int? page, int? pageSize, ListHomework handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(studentId, page, pageSize, ct)))
            .RequireAuthorization()
            .WithName("ListHomework")
            .WithSummary("My homework (or, for a teacher or parent, a student's with ?studentId=), newest first, paged.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
