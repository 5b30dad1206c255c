using Microsoft.Extensions.Logging;
using StudyHub.Content.Extraction;
using StudyHub.Kernel.Files;

namespace StudyHub.Content.Storage;

/// <summary>
/// Uploaded originals in the shared <see cref="IFileStore"/> (the data directory on one machine,
/// S3 on a cluster), under keys we make (never the uploaded name, so <c>../../etc/passwd</c> cannot
/// escape). The readers need local files, so a reading works on scratch copies removed after it.
/// </summary>
internal sealed class HomeworkOriginals(IFileStore files, ILogger<HomeworkOriginals> logger)
{
    public static string KeyFor(Guid homeworkId, Guid fileId) => $"homework/{homeworkId:N}/{fileId:N}";

    public Task SaveAsync(string key, Stream content, SourceFormat format, CancellationToken cancellationToken) =>
        files.PutAsync(key, content, ContentTypeOf(format), cancellationToken);

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => files.ExistsAsync(key, cancellationToken);

    /// <summary>
    /// Removes originals whose rows are already gone. A file that cannot be removed is logged, not
    /// thrown: the caller's change is committed and nothing points at the file any more.
    /// </summary>
    public async Task DeleteQuietlyAsync(IEnumerable<string> keys, string why)
    {
        foreach (var key in keys)
        {
            try
            {
                // Not the request's token: a client that hangs up must not leave half the files behind.
                await files.DeleteAsync(key, CancellationToken.None);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                logger.LogWarning(e, "Could not remove the stored original {Key} ({Why})", key, why);
            }
        }
    }

    /// <summary>Local copies of the originals for the readers; dispose to remove them.</summary>
    public async Task<ScratchCopies> CopyOutAsync(IEnumerable<(string Key, string DisplayName, SourceFormat Format)> originals, CancellationToken cancellationToken)
    {
        var scratch = new ScratchCopies(Path.Combine(Path.GetTempPath(), "studyhub-reading-" + Guid.NewGuid().ToString("N")));
        try
        {
            foreach (var (key, displayName, format) in originals)
            {
                var stored = await files.OpenAsync(key, cancellationToken)
                    ?? throw new FileNotFoundException($"The stored original of '{displayName}' is missing.", key);
                await using (stored)
                {
                    var path = Path.Combine(scratch.Directory, $"{scratch.Files.Count}.{format.ToString().ToLowerInvariant()}");
                    await using var copy = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
                    await stored.Content.CopyToAsync(copy, cancellationToken);
                    scratch.Files.Add(new SourceFile(displayName, path, format));
                }
            }

            return scratch;
        }
        catch
        {
            await scratch.DisposeAsync();
            throw;
        }
    }

    private static string ContentTypeOf(SourceFormat format) => format switch
    {
        SourceFormat.Pdf => "application/pdf",
        SourceFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        SourceFormat.Text => "text/plain; charset=utf-8",
        SourceFormat.Jpeg => "image/jpeg",
        SourceFormat.Png => "image/png",
        SourceFormat.Heic => "image/heic",
        _ => "application/octet-stream",
    };
}

/// <summary>A folder of local copies that lives as long as one reading.</summary>
internal sealed class ScratchCopies : IAsyncDisposable
{
    public ScratchCopies(string directory)
    {
        Directory = directory;
        System.IO.Directory.CreateDirectory(directory);
    }

    public string Directory { get; }

    public List<SourceFile> Files { get; } = [];

    public ValueTask DisposeAsync()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // The system cleans its temp space; a reading must not fail over its scratch folder.
        }

        return ValueTask.CompletedTask;
    }
}
