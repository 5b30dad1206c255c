using System.ComponentModel.DataAnnotations;

namespace StudyHub.Content;

/// <summary>The <c>Content</c> configuration section: upload limits and quotas (the seeds' numbers are the defaults).</summary>
internal sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The most the upload page's form may carry (a page's attribute needs a constant); the configured limits below still apply.</summary>
    public const long WebFormBodyLimitBytes = 64L * 1024 * 1024;

    /// <summary>The longest form value on that page (pasted text is at most a few hundred KB as UTF-8).</summary>
    public const int WebFormValueLimitBytes = 8 * 1024 * 1024;

    /// <summary>The largest single file.</summary>
    [Range(1024, 1L << 32)]
    public long MaxFileBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>The largest upload request (all photos together).</summary>
    [Range(1024, 1L << 34)]
    public long MaxUploadBytes { get; set; } = 60 * 1024 * 1024;

    [Range(1, 50)]
    public int MaxPhotos { get; set; } = 10;

    [Range(1, 1_000_000)]
    public int MaxPastedTextCharacters { get; set; } = 100_000;

    /// <summary>Uploads per student in any 24 hours.</summary>
    [Range(1, 10_000)]
    public int UploadsPerDay { get; set; } = 30;

    /// <summary>The bytes of originals one user may keep stored.</summary>
    [Range(1024, 1L << 40)]
    public long MaxStoredBytesPerUser { get; set; } = 500L * 1024 * 1024;

    /// <summary>Where versions before the shared file store kept originals (relative to <c>DataDirectory</c>); moved into the store at start-up.</summary>
    public string UploadDirectory { get; set; } = "uploads";
}
