using System.ComponentModel.DataAnnotations;

namespace StudyHub.Storage;

public enum StorageProvider
{
    Local,
    S3,
}

/// <summary>The <c>Storage</c> configuration section.</summary>
internal sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Local;

    public LocalStorageOptions Local { get; set; } = new();

    public S3StorageOptions S3 { get; set; } = new();
}

internal sealed class LocalStorageOptions
{
    /// <summary>Where files are kept; defaults to <c>files</c> in the data directory.</summary>
    public string? Directory { get; set; }

    /// <summary>
    /// Base64 HMAC key for download links. When empty a random key is made once and kept in the
    /// storage directory (local storage is one machine's anyway).
    /// </summary>
    public string? SigningKey { get; set; }
}

internal sealed class S3StorageOptions
{
    /// <summary>The S3-compatible endpoint, e.g. <c>https://s3.eu-central-1.amazonaws.com</c> or a MinIO/s3rver URL.</summary>
    public string? ServiceUrl { get; set; }

    public string? Bucket { get; set; }

    [Required]
    public string Region { get; set; } = "us-east-1";

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>Path-style addressing (<c>host/bucket/key</c>), which most S3-compatible servers need.</summary>
    public bool ForcePathStyle { get; set; } = true;
}
