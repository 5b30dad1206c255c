using Microsoft.Extensions.DependencyInjection;
using StudyHub.Content.Problems;

namespace StudyHub.Content.Extraction;

/// <summary>What an uploaded file is, decided from its bytes (magic numbers), never from its name.</summary>
internal enum SourceFormat
{
    Pdf,
    Docx,
    Text,
    Jpeg,
    Png,
    Heic,
}

/// <summary>A stored upload, handed to the reader as a local file (copied out of object storage when needed).</summary>
internal sealed record SourceFile(string DisplayName, string LocalPath, SourceFormat Format);

internal enum ExtractionMethod
{
    TextLayer,
    Ocr,
    Document,
    PlainText,
}

/// <param name="Number">1-based, across all files of the homework in upload order.</param>
/// <param name="OcrConfidence">Tesseract's mean word confidence 0–100; null when no OCR was needed.</param>
internal sealed record ExtractedPage(int Number, string Text, double? OcrConfidence, ExtractionMethod Method);

internal sealed record ExtractedDocument(IReadOnlyList<ExtractedPage> Pages);

/// <summary>Progress while reading: "reading page 2 of 5".</summary>
internal sealed record ReadingProgress(int PagesDone, int PageCount);

/// <summary>Turns uploaded files into page texts: PDF text layer, OCR of scans and photos, DOCX, plain text.</summary>
internal interface IDocumentReader
{
    /// <exception cref="UnreadableDocumentException">The file is corrupt, encrypted, too large, hostile or empty.</exception>
    Task<ExtractedDocument> ReadAsync(IReadOnlyList<SourceFile> files, IProgress<ReadingProgress>? progress, CancellationToken cancellationToken);
}

/// <summary>A file that cannot be read, with a reason a student can understand (it becomes the failed job's reason).</summary>
internal sealed class UnreadableDocumentException(string code, string reason) : Exception(reason)
{
    public string Code { get; } = code;
}

internal static class DocumentReadingRegistration
{
    /// <summary>Registers the readers (PDF, OCR, images, DOCX, text) and the file sniffer.</summary>
    public static IServiceCollection AddDocumentReading(this IServiceCollection services)
    {
        services.AddOptions<ReadingLimits>().BindConfiguration(ReadingLimits.Section);
        services.AddSingleton<ExternalTool>();
        services.AddSingleton<Tesseract>();
        services.AddSingleton<PhotoReader>();
        services.AddSingleton<PdfReader>();
        services.AddSingleton<DocxReader>();
        services.AddSingleton<IDocumentReader, DocumentReader>();
        services.AddSingleton<IProblemFinder, ProblemFinder>();
        return services;
    }
}
