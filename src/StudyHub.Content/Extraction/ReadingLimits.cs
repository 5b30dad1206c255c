namespace StudyHub.Content.Extraction;

/// <summary>
/// Budgets for reading one homework. Each exists so a hostile or accidental upload ends in a readable
/// refusal quickly instead of filling memory, disk or the CPU. Bound from <c>Content:Reading</c>.
/// </summary>
internal sealed class ReadingLimits
{
    public const string Section = "Content:Reading";

    /// <summary>Pages across all files of one homework (a 5,000-page PDF is refused before any page is read).</summary>
    public int MaxPages { get; set; } = 300;

    /// <summary>Pixels of one image, read from its header before decoding (a 48 MP phone photo fits).</summary>
    public long MaxImagePixels { get; set; } = 64_000_000;

    /// <summary>Longest side of one image in pixels.</summary>
    public int MaxImageSide { get; set; } = 16_384;

    /// <summary>Uncompressed bytes a DOCX may unpack to, counted while unpacking (zip bombs lie in their headers).</summary>
    public long MaxDocxUncompressedBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Largest uncompressed/compressed ratio of one DOCX part; real XML compresses about 10:1.</summary>
    public int MaxDocxCompressionRatio { get; set; } = 200;

    /// <summary>Characters kept from a text file or a DOCX; the rest is refused, not silently dropped.</summary>
    public int MaxTextCharacters { get; set; } = 2_000_000;

    /// <summary>Longest side images are scaled to for OCR; tesseract reads printed text best at ~300 dpi for A4.</summary>
    public int OcrLongSide { get; set; } = 2_500;

    /// <summary>Resolution scanned PDF pages are rendered at.</summary>
    public int PdfRenderDpi { get; set; } = 250;

    /// <summary>Wall-clock limit of one external tool run (tesseract on one page, pdftoppm on one page).</summary>
    public TimeSpan ToolTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A photo whose read is doubtful (low confidence) is read again, cleaned or turned, only while the page
    /// has used less than this, so one bad photo cannot take a worker for minutes.
    /// </summary>
    public TimeSpan PhotoRereadBudget { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Pages read at once; 0 means one per core (tesseract runs single-threaded per page).</summary>
    public int Parallelism { get; set; }

    /// <summary>Memory ImageMagick may hold before it refuses (it is per process, so shared by parallel pages).</summary>
    public long ImageMemoryBytes { get; set; } = 384L * 1024 * 1024;

    /// <summary>Where each read makes (and always deletes) its private working directory; empty means the system temp.</summary>
    public string TempRoot { get; set; } = "";

    public int EffectiveParallelism => Parallelism > 0 ? Parallelism : Environment.ProcessorCount;
}
