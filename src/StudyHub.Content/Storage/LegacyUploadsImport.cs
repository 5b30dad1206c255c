using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StudyHub.Kernel.Files;

namespace StudyHub.Content.Storage;

/// <summary>
/// Versions before the shared file store kept originals in <c>DataDirectory/uploads</c> under the
/// same keys. At start-up they move into the store (local or S3), so an upgrade loses no homework;
/// a file is removed from the old folder only once the store holds it.
/// </summary>
internal sealed class LegacyUploadsImport(IFileStore files, IOptions<ContentOptions> options, IConfiguration configuration, ILogger<LegacyUploadsImport> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(Path.Combine(configuration["DataDirectory"] ?? "data", options.Value.UploadDirectory));
        var homework = Path.Combine(root, "homework");
        if (!Directory.Exists(homework))
        {
            return;
        }

        var moved = 0;
        foreach (var path in Directory.EnumerateFiles(homework, "*", SearchOption.AllDirectories))
        {
            var key = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
            // A ".partial" was left by a crash mid-upload: its homework was never saved.
            if (path.EndsWith(".partial", StringComparison.Ordinal) || !FileKeys.IsValid(key))
            {
                continue;
            }

            await using (var content = File.OpenRead(path))
            {
                await files.PutAsync(key, content, "application/octet-stream", cancellationToken);
            }

            File.Delete(path);
            moved++;
        }

        if (moved > 0)
        {
            logger.LogInformation("Moved {Count} homework originals from {Folder} into the file store", moved, root);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
