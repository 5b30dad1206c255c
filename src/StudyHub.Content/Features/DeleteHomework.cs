using StudyHub.Content.Storage;

namespace StudyHub.Content.Features;

/// <summary>
/// The owner deletes a homework: its rows go first (pages, problems and search passages by
/// cascade), then its stored files, so nothing can point at a file that is gone; a file that
/// cannot be removed is logged, never left referenced.
/// </summary>
internal sealed class DeleteHomework(ContentDbContext db, HomeworkAccess access, HomeworkOriginals originals)
{
    public async Task HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var homework = await access.FindOwnedAsync(id, cancellationToken);
        var keys = homework.Files.Select(f => f.StorageKey).ToList();
        db.Homework.Remove(homework);
        await db.SaveChangesAsync(cancellationToken);
        await originals.DeleteQuietlyAsync(keys, $"homework {id} deleted");
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/homework/{id:guid}", async Task<NoContent> (Guid id, DeleteHomework handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(id, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization()
            .WithName("DeleteHomework")
            .WithSummary("Delete a homework with its pages, problems and stored files. Owner only.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
