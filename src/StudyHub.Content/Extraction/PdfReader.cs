using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace StudyHub.Content.Extraction;

/// <summary>One PDF page: its text layer, or (when it has none) a request to render and OCR it.</summary>
internal sealed record PdfPageText(int PageNumber, string? Text);

/// <summary>Reads a PDF's text layer in process; pages without one are rendered with pdftoppm for OCR.</summary>
internal sealed class PdfReader(ExternalTool tool, IOptions<ReadingLimits> options)
{
    public IReadOnlyList<PdfPageText> ReadTextLayer(string path, int pagesBefore)
    {
        try
        {
            using var document = PdfDocument.Open(path, new ParsingOptions { UseLenientParsing = false });
            if (document.IsEncrypted)
            {
                throw Encrypted();
            }

            var limit = options.Value.MaxPages;
            if (pagesBefore + document.NumberOfPages > limit)
            {
                throw new UnreadableDocumentException("too_many_pages", $"The PDF has {document.NumberOfPages} pages; one homework can have at most {limit}.");
            }

            var pages = new List<PdfPageText>(document.NumberOfPages);
            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                var page = document.GetPage(number);
                var text = ContentOrderTextExtractor.GetText(page).Trim();
                // A page with no text layer but with pictures is a scan; a truly blank page is just blank.
                pages.Add(new PdfPageText(number, text.Length == 0 && page.NumberOfImages > 0 ? null : text));
            }

            return pages;
        }
        catch (PdfDocumentEncryptedException)
        {
            throw Encrypted();
        }
        catch (UnreadableDocumentException)
        {
            throw;
        }
        catch (Exception ex) when (ex is PdfDocumentFormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or InvalidCastException or NullReferenceException or KeyNotFoundException or FormatException or EndOfStreamException)
        {
            // PdfPig throws many types for damaged files; each means the same to the student.
            throw new UnreadableDocumentException("corrupt_pdf", "The PDF is damaged or incomplete (was the upload cut short?) and cannot be read.");
        }
    }

    /// <summary>Renders one page to a grayscale PNG at the configured resolution.</summary>
    public async Task<string> RenderPageAsync(string path, int pageNumber, string workDirectory, CancellationToken cancellationToken)
    {
        var prefix = Path.Combine(workDirectory, $"{Guid.NewGuid():N}");
        var page = pageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var dpi = options.Value.PdfRenderDpi.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var run = await tool.RunAsync("pdftoppm", ["-r", dpi, "-gray", "-png", "-singlefile", "-f", page, "-l", page, path, prefix], cancellationToken);
        var image = prefix + ".png";
        if (run.ExitCode != 0 || !File.Exists(image))
        {
            throw new UnreadableDocumentException("corrupt_pdf", $"Page {pageNumber} of the PDF could not be rendered for reading.");
        }

        return image;
    }

    private static UnreadableDocumentException Encrypted() =>
        new("encrypted_pdf", "The PDF is password-protected. Remove the password (print it to a new PDF) and upload it again.");
}
