using StudyHub.Kernel.Files;

namespace StudyHub.Content.Features;

/// <summary>
/// An uploaded original, for whoever may read the homework (owner, their teachers and parents):
/// a redirect to a short-lived signed link of the file store (local or S3), so the bytes never
/// pass through this instance and a copied link stops working minutes later.
/// </summary>
internal sealed class DownloadHomeworkFile(HomeworkAccess access, IFileStore files)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(5);

    public async Task<Uri> HandleAsync(Guid homeworkId, Guid fileId, CancellationToken cancellationToken)
    {
        var homework = await access.FindReadableAsync(homeworkId, cancellationToken);
        var file = homework.Files.FirstOrDefault(f => f.Id == fileId) ?? throw new NotFoundException("file");
        return await files.GetDownloadUrlAsync(file.StorageKey, LinkLifetime, file.FileName, cancellationToken);
    }

    /// <summary>The homework page's links: the same redirect behind the web sign-in cookie (the API takes bearer tokens only).</summary>
    public static void MapWebDownload(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/homework/{id:guid}/files/{fileId:guid}", async Task<RedirectHttpResult> (Guid id, Guid fileId, DownloadHomeworkFile handler, CancellationToken ct) =>
                TypedResults.Redirect((await handler.HandleAsync(id, fileId, ct)).ToString()))
            .RequireAuthorization()
            .ExcludeFromDescription();

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/homework/{id:guid}/files/{fileId:guid}", async Task<RedirectHttpResult> (Guid id, Guid fileId, DownloadHomeworkFile handler, CancellationToken ct) =>
                TypedResults.Redirect((await handler.HandleAsync(id, fileId, ct)).ToString()))
            .RequireAuthorization()
            .WithName("DownloadHomeworkFile")
            .WithSummary("Download an uploaded original: redirects to a signed link that works for five minutes. Owner, their teachers and parents.")
            .Produces(StatusCodes.Status302Found)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
