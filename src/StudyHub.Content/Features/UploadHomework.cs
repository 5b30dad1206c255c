using System.Text;
using Microsoft.AspNetCore.Http.Features;
using StudyHub.Content.Extraction;
using StudyHub.Content.Storage;
using StudyHub.Kernel.Jobs;
using StudyHub.Kernel.Validation;

namespace StudyHub.Content.Features;

public sealed record HomeworkAccepted(Guid Id, string Status);

/// <summary>A file of an upload, before it is stored.</summary>
internal sealed record IncomingFile(string FileName, string? ContentType, long Length, Func<Stream> Open);

/// <summary>A limit the upload went over; the problem names it (413 for sizes).</summary>
internal sealed class UploadLimitException(string code, string message) : StudyHubException(StatusCodes.Status413PayloadTooLarge, code, message);

/// <summary>
/// Accepts homework: one PDF, DOCX or text/Markdown file, up to ten photos, or pasted text. The
/// originals are stored, then the homework and its reading job are saved together (the job is
/// the outbox), so a homework never exists without its job nor a job without its files.
/// </summary>
internal sealed class UploadHomework(
    ContentDbContext db,
    ICurrentUser currentUser,
    IConsentGate consent,
    HomeworkOriginals originals,
    IOptions<ContentOptions> options,
    TimeProvider clock,
    ContentMetrics metrics)
{
    public const string JobKind = ReadHomework.JobKind;

    private static readonly string[] DocumentFormats = [nameof(SourceFormat.Pdf), nameof(SourceFormat.Docx), nameof(SourceFormat.Text)];

    public async Task<HomeworkAccepted> HandleAsync(string? title, string? text, IReadOnlyList<IncomingFile> files, CancellationToken cancellationToken)
    {
        var ownerId = currentUser.RequireRole(Role.Student);
        await consent.EnsureMayUseRestrictedFeaturesAsync(cancellationToken);
        var limits = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;

        var errors = new FieldErrors();
        if (title is { Length: > Homework.MaxTitleLength })
        {
            errors.Add("title", $"must be at most {Homework.MaxTitleLength} characters.");
        }

        var hasText = !string.IsNullOrWhiteSpace(text);
        if (hasText == (files.Count > 0))
        {
            errors.Add("files", "send either files or a 'text' field, not both and not neither.");
        }
        else if (hasText && text!.Length > limits.MaxPastedTextCharacters)
        {
            errors.Add("text", $"must be at most {limits.MaxPastedTextCharacters} characters.");
        }

        // What a file is comes from its bytes (magic numbers), never from its name or declared type.
        var formats = new List<string?>();
        foreach (var file in files)
        {
            SniffResult sniffed;
            await using (var content = file.Open())
            {
                sniffed = file.Length == 0 ? FileSniffer.Detect([], file.FileName) : FileSniffer.Detect(content, file.FileName);
            }

            formats.Add(sniffed.Format?.ToString());
            if (!sniffed.Accepted)
            {
                errors.Add("files", sniffed.Reason!);
            }
        }

        if (formats.Any(f => f is not null && DocumentFormats.Contains(f)) && files.Count > 1)
        {
            errors.Add("files", "send one document (PDF, DOCX, text), or up to " + limits.MaxPhotos + " photos.");
        }
        else if (files.Count > limits.MaxPhotos)
        {
            errors.Add("files", $"send at most {limits.MaxPhotos} photos.");
        }

        errors.ThrowIfAny();
        if (files.FirstOrDefault(f => f.Length > limits.MaxFileBytes) is { } tooLarge)
        {
            throw new UploadLimitException("file_too_large", $"'{SafeFileName(tooLarge.FileName)}' is larger than the limit of {Megabytes(limits.MaxFileBytes)} per file.");
        }

        var since = now.AddDays(-1);
        var recent = await db.Homework.Where(h => h.OwnerId == ownerId && h.CreatedAt > since).Select(h => h.CreatedAt).OrderBy(c => c).ToListAsync(cancellationToken);
        if (recent.Count >= limits.UploadsPerDay)
        {
            throw new TooManyAttemptsException(
                "daily_upload_quota_exceeded",
                $"You have uploaded {recent.Count} homework in the last 24 hours; the limit is {limits.UploadsPerDay} a day.",
                recent[0].AddDays(1) - now);
        }

        var pasted = hasText ? Encoding.UTF8.GetBytes(text!) : null;
        var incoming = pasted is null ? files.Sum(f => f.Length) : pasted.Length;
        var stored = await db.Homework.Where(h => h.OwnerId == ownerId).SumAsync(h => h.StoredBytes, cancellationToken);
        if (stored + incoming > limits.MaxStoredBytesPerUser)
        {
            throw new UploadLimitException("storage_quota_exceeded", $"Your stored homework would exceed the limit of {Megabytes(limits.MaxStoredBytesPerUser)} per user; delete old homework to make room.");
        }

        var homework = Homework.Create(ownerId, TitleFor(title, files, now), now);
        var written = new List<string>();
        try
        {
            if (pasted is not null)
            {
                await StoreAsync(homework, 0, "pasted-text.txt", nameof(SourceFormat.Text), pasted.Length, () => new MemoryStream(pasted), written, cancellationToken);
            }
            else
            {
                for (var i = 0; i < files.Count; i++)
                {
                    await StoreAsync(homework, i, SafeFileName(files[i].FileName), formats[i]!, files[i].Length, files[i].Open, written, cancellationToken);
                }
            }

            db.Homework.Add(homework);
            db.EnqueueJob(JobKind, new ReadHomeworkPayload(homework.Id), clock, maxAttempts: ReadHomework.MaxAttempts);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // Nothing half-written stays behind: no stored file without its homework.
            await originals.DeleteQuietlyAsync(written, "an upload that failed");

            throw;
        }

        metrics.Uploaded(homework.Files.Count, homework.StoredBytes);
        return new HomeworkAccepted(homework.Id, HomeworkProgressNotifier.StatusName(homework.Status));
    }

    private async Task StoreAsync(Homework homework, int position, string name, string format, long size, Func<Stream> open, List<string> written, CancellationToken cancellationToken)
    {
        var file = new HomeworkFile { HomeworkId = homework.Id, Position = position, FileName = name, Format = format, SizeBytes = size };
        var key = HomeworkOriginals.KeyFor(homework.Id, file.Id);
        await using (var content = open())
        {
            written.Add(key);
            await originals.SaveAsync(key, content, Enum.Parse<SourceFormat>(format), cancellationToken);
        }

        homework.AddFile(new HomeworkFile { Id = file.Id, HomeworkId = homework.Id, Position = position, StorageKey = key, FileName = name, Format = format, SizeBytes = size });
    }

    /// <summary>The last segment of an uploaded name, without control characters: "../../x.pdf" is "x.pdf".</summary>
    internal static string SafeFileName(string? name)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault(s => s.Length > 0 && s != "." && s != "..") ?? "";
        var clean = new string(last.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (clean.Length > HomeworkFile.MaxNameLength)
        {
            clean = clean[..HomeworkFile.MaxNameLength];
        }

        return clean.Length == 0 ? "upload" : clean;
    }

    private static string TitleFor(string? title, IReadOnlyList<IncomingFile> files, DateTime now)
    {
        if (!string.IsNullOrWhiteSpace(title))
        {
            return title.Trim();
        }

        return files.Count > 0
            ? Path.GetFileNameWithoutExtension(SafeFileName(files[0].FileName)) is { Length: > 0 } name ? name : "Homework"
            : $"Homework of {now:d MMMM yyyy}";
    }

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MB";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/homework", async Task<Accepted<HomeworkAccepted>> (HttpRequest request, UploadHomework handler, IOptions<ContentOptions> options, CancellationToken ct) =>
            {
                var form = await ReadFormAsync(request, options.Value, ct);
                var files = form.Files.Select(f => new IncomingFile(f.FileName, f.ContentType, f.Length, f.OpenReadStream)).ToList();
                var accepted = await handler.HandleAsync(form["title"].FirstOrDefault(), form["text"].FirstOrDefault(), files, ct);
                return TypedResults.Accepted($"/api/v1/homework/{accepted.Id}", accepted);
            })
            .RequireAuthorization()
            .WithName("UploadHomework")
            .WithSummary("Upload homework (multipart: one PDF/DOCX/TXT/MD file, up to 10 photos, or a 'text' field); it is read in the background.")
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>Reads the form with this endpoint's own body limit (the host's default is small).</summary>
    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request, ContentOptions limits, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            throw ValidationFailedException.For("body", "must be multipart/form-data (files) or a form with a 'text' field.");
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = limits.MaxUploadBytes;
        }

        try
        {
            return await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limits.MaxUploadBytes, ValueLengthLimit = limits.MaxPastedTextCharacters * 4 }, cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException || (e is BadHttpRequestException bad && bad.StatusCode == StatusCodes.Status413PayloadTooLarge))
        {
            throw new UploadLimitException("upload_too_large", $"The upload is larger than the limit of {Megabytes(limits.MaxUploadBytes)}.");
        }
    }
}
