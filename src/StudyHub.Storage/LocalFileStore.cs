using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using StudyHub.Kernel.Files;

namespace StudyHub.Storage;

/// <summary>
/// Files in a local directory: each key is a folder holding <c>.data</c> and <c>.type</c> (its content
/// type); key segments never start with a dot, so one key may be a prefix of another. Downloads go through <c>/files/{key}</c> with an
/// HMAC-signed expiry, checked by <see cref="VerifyDownload"/>.
/// </summary>
internal sealed class LocalFileStore(string root, byte[] signingKey, TimeProvider clock) : IFileStore
{
    public const string DownloadPath = "/files/";
    private const string DataFile = ".data";
    private const string TypeFile = ".type";

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var folder = FolderOf(key);
        Directory.CreateDirectory(folder);

        // Write beside, then rename: a reader never sees half a file, a crash leaves only a temp file.
        var temp = Path.Combine(folder, $".{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            await File.WriteAllTextAsync(Path.Combine(folder, TypeFile), contentType, cancellationToken);
            File.Move(temp, Path.Combine(folder, DataFile), overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public async Task<StoredFile?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        var folder = FolderOf(key);
        var data = Path.Combine(folder, DataFile);
        if (!File.Exists(data))
        {
            return null;
        }

        var type = File.Exists(Path.Combine(folder, TypeFile)) ? await File.ReadAllTextAsync(Path.Combine(folder, TypeFile), cancellationToken) : "application/octet-stream";
        var stream = new FileStream(data, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
        return new StoredFile(stream, type, stream.Length);
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(File.Exists(Path.Combine(FolderOf(key), DataFile)));

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var folder = FolderOf(key);
        if (!Directory.Exists(folder))
        {
            return Task.CompletedTask;
        }

        File.Delete(Path.Combine(folder, DataFile));
        File.Delete(Path.Combine(folder, TypeFile));
        if (!Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }

        return Task.CompletedTask;
    }

    public Task<Uri> GetDownloadUrlAsync(string key, TimeSpan lifetime, string? downloadFileName, CancellationToken cancellationToken)
    {
        FolderOf(key); // validates the key
        var expires = clock.GetUtcNow().Add(lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var url = $"{DownloadPath}{key}?expires={expires}&sig={Sign(key, expires, downloadFileName)}";
        if (!string.IsNullOrEmpty(downloadFileName))
        {
            url += "&name=" + Uri.EscapeDataString(downloadFileName);
        }

        return Task.FromResult(new Uri(url, UriKind.Relative));
    }

    /// <summary>Whether a download link is genuine and unexpired.</summary>
    public DownloadCheck VerifyDownload(string key, string? expires, string? signature, string? downloadFileName)
    {
        if (!FileKeys.IsValid(key) || expires is null || signature is null
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt))
        {
            return DownloadCheck.Invalid;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(key, expires, downloadFileName));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature)))
        {
            return DownloadCheck.Invalid;
        }

        return clock.GetUtcNow().ToUnixTimeSeconds() > expiresAt ? DownloadCheck.Expired : DownloadCheck.Valid;
    }

    private string Sign(string key, string expires, string? downloadFileName)
    {
        var message = Encoding.UTF8.GetBytes($"{key}\n{expires}\n{downloadFileName}");
        return Convert.ToHexStringLower(HMACSHA256.HashData(signingKey, message));
    }

    private string FolderOf(string key)
    {
        if (!FileKeys.IsValid(key))
        {
            throw new ArgumentException("Not a valid file key.", nameof(key));
        }

        // Defence in depth: even a valid-looking key must resolve inside the root.
        var folder = Path.GetFullPath(Path.Combine(root, key));
        if (!folder.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException("Not a valid file key.", nameof(key));
        }

        return folder;
    }

    /// <summary>The configured key, or one made once and kept in the storage directory.</summary>
    public static byte[] LoadSigningKey(string root, string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Convert.FromBase64String(configured);
        }

        Directory.CreateDirectory(root);
        var path = Path.Combine(root, ".download-signing-key");
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path));
        }

        var key = RandomNumberGenerator.GetBytes(32);
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            file.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance on this machine made it first: use theirs.
            return Convert.FromBase64String(File.ReadAllText(path));
        }
    }
}

internal enum DownloadCheck
{
    Valid,
    Invalid,
    Expired,
}
