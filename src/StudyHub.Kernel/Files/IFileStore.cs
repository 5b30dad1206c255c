namespace StudyHub.Kernel.Files;

/// <summary>
/// Where uploaded files live: the local data directory (one machine) or S3-compatible storage (a
/// cluster), chosen by <c>Storage:Provider</c>. Keys are made by the server (<see cref="FileKeys.New"/>),
/// never from a user's file name; they are lower-case letters, digits, '-' and '/' only.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores the stream's bytes under <paramref name="key"/>, replacing what was there.</summary>
    Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>Reads a stored file; null when there is none.</summary>
    Task<StoredFile?> OpenAsync(string key, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the file; removing a missing file is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>A URL anyone holding it can download the file from until <paramref name="lifetime"/> passes.</summary>
    Task<Uri> GetDownloadUrlAsync(string key, TimeSpan lifetime, string? downloadFileName, CancellationToken cancellationToken);
}

/// <summary>An open stored file; dispose it to release the stream.</summary>
public sealed class StoredFile(Stream content, string contentType, long length) : IAsyncDisposable, IDisposable
{
    public Stream Content { get; } = content;

    public string ContentType { get; } = contentType;

    public long Length { get; } = length;

    public ValueTask DisposeAsync() => Content.DisposeAsync();

    public void Dispose() => Content.Dispose();
}

public static class FileKeys
{
    /// <summary>A fresh key under a module's prefix, e.g. <c>homework/0193…/page-1</c> from ("homework", "page-1").</summary>
    public static string New(string prefix, string? suffix = null)
    {
        var key = $"{prefix}/{Guid.CreateVersion7():N}" + (suffix is null ? "" : "/" + suffix);
        return IsValid(key) ? key : throw new ArgumentException($"'{key}' is not a valid file key.", nameof(prefix));
    }

    /// <summary>
    /// '/'-separated segments of lower-case letters, digits, '-' and '.', each starting with a letter
    /// or digit (so no "." or ".." segment): a key can never climb out of the storage root.
    /// </summary>
    public static bool IsValid(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 300 || key[0] == '/' || key[^1] == '/')
        {
            return false;
        }

        foreach (var segment in key.Split('/'))
        {
            if (segment.Length == 0 || !char.IsAsciiLetterOrDigit(segment[0]) || !segment.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
