using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace StudyHub.Content.Storage;

/// <summary>
/// Keeps uploaded originals in a local folder under keys we make (never the uploaded name, so a
/// name like <c>../../etc/passwd</c> cannot escape). To be replaced by the shared
/// <c>IFileStore</c> (local or S3) when it lands in the Kernel.
/// </summary>
internal sealed class UploadStore
{
    private readonly string _root;

    public UploadStore(IOptions<ContentOptions> options, IConfiguration configuration)
    {
        var dataDirectory = configuration["DataDirectory"] ?? "data";
        _root = Path.GetFullPath(Path.Combine(dataDirectory, options.Value.UploadDirectory));
    }

    public static string KeyFor(Guid homeworkId, Guid fileId) => $"homework/{homeworkId:N}/{fileId:N}";

    public async Task SaveAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        var path = LocalPath(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Write beside and rename, so a reader never sees half a file.
        var partial = path + ".partial";
        await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        File.Move(partial, path, overwrite: true);
    }

    public string LocalPath(string key)
    {
        var path = Path.GetFullPath(Path.Combine(_root, key));
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException("A storage key must stay inside the upload directory.", nameof(key));
        }

        return path;
    }

    public bool Exists(string key) => File.Exists(LocalPath(key));

    public void Delete(string key)
    {
        var path = LocalPath(key);
        File.Delete(path);
        var directory = Path.GetDirectoryName(path)!;
        if (Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
        {
            Directory.Delete(directory);
        }
    }
}
