using System.Text;

namespace StudyHub.Content.Extraction;

/// <summary>
/// Reads all files of one homework into numbered pages. In-process text (PDF text layers, DOCX, text) is
/// taken first; pages that need OCR then run in parallel, one per core, and progress ticks per page.
/// Everything temporary lives in one directory that is deleted whatever happens.
/// </summary>
internal sealed class DocumentReader(PdfReader pdf, DocxReader docx, PhotoReader photos, IOptions<ReadingLimits> options) : IDocumentReader
{
    private delegate Task<ExtractedPage> PageWork(int number, string workDirectory, CancellationToken cancellationToken);

    public async Task<ExtractedDocument> ReadAsync(IReadOnlyList<SourceFile> files, IProgress<ReadingProgress>? progress, CancellationToken cancellationToken)
    {
        var work = new List<PageWork>();
        foreach (var file in files)
        {
            if (!File.Exists(file.LocalPath) || new FileInfo(file.LocalPath).Length == 0)
            {
                throw new UnreadableDocumentException("empty_file", $"\"{Path.GetFileName(file.DisplayName)}\" is empty (0 bytes).");
            }

            work.AddRange(Plan(file, work.Count));
            if (work.Count > options.Value.MaxPages)
            {
                throw new UnreadableDocumentException("too_many_pages", $"This homework has more than {options.Value.MaxPages} pages, the most one homework can have.");
            }
        }

        var pages = new ExtractedPage[work.Count];
        var done = 0;
        progress?.Report(new ReadingProgress(0, work.Count));
        var workDirectory = CreateWorkDirectory();
        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.EffectiveParallelism, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(Enumerable.Range(0, work.Count), parallel, async (index, token) =>
            {
                pages[index] = await work[index](index + 1, workDirectory, token);
                progress?.Report(new ReadingProgress(Interlocked.Increment(ref done), work.Count));
            });
        }
        finally
        {
            Directory.Delete(workDirectory, recursive: true);
        }

        return new ExtractedDocument(pages);
    }

    private IEnumerable<PageWork> Plan(SourceFile file, int pagesBefore)
    {
        switch (file.Format)
        {
            case SourceFormat.Pdf:
                return pdf.ReadTextLayer(file.LocalPath, pagesBefore).Select(page => page.Text is { } text
                    ? Ready(text, null, ExtractionMethod.TextLayer)
                    : (PageWork)(async (number, directory, token) =>
                    {
                        var image = await pdf.RenderPageAsync(file.LocalPath, page.PageNumber, directory, token);
                        var ocr = await photos.ReadAsync(image, SourceFormat.Png, directory, token);
                        File.Delete(image);
                        return new ExtractedPage(number, ocr.Text, ocr.Confidence, ExtractionMethod.Ocr);
                    })).ToList();
            case SourceFormat.Docx:
                return docx.ReadPages(file.LocalPath).Select(text => Ready(text, null, ExtractionMethod.Document)).ToList();
            case SourceFormat.Text:
                return ReadText(file.LocalPath).Split('\f').Select(text => Ready(text.Trim(), null, ExtractionMethod.PlainText)).ToList();
            case SourceFormat.Jpeg or SourceFormat.Png or SourceFormat.Heic:
                return [async (number, directory, token) =>
                {
                    var ocr = await photos.ReadAsync(file.LocalPath, file.Format, directory, token);
                    return new ExtractedPage(number, ocr.Text, ocr.Confidence, ExtractionMethod.Ocr);
                }];
            default:
                throw new UnreadableDocumentException("unsupported_type", "This type of file cannot be read.");
        }
    }

    private string CreateWorkDirectory()
    {
        var root = options.Value.TempRoot;
        if (string.IsNullOrEmpty(root))
        {
            return Directory.CreateTempSubdirectory("studyhub-read-").FullName;
        }

        var directory = Path.Combine(root, "studyhub-read-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    private static PageWork Ready(string text, double? confidence, ExtractionMethod method) =>
        (number, _, _) => Task.FromResult(new ExtractedPage(number, text, confidence, method));

    private string ReadText(string path)
    {
        var limit = options.Value.MaxTextCharacters;
        if (new FileInfo(path).Length > (long)limit * 4)
        {
            throw new UnreadableDocumentException("too_much_text", "The text file is larger than one homework can be.");
        }

        var bytes = File.ReadAllBytes(path);
        var header = bytes.AsSpan(0, System.Math.Min(bytes.Length, FileSniffer.HeaderLength));
        var sniffed = FileSniffer.Detect(header, "upload.txt");
        if (sniffed.Format != SourceFormat.Text)
        {
            throw new UnreadableDocumentException(sniffed.RejectionCode ?? "binary_text", sniffed.Reason ?? "The text file contains binary data.");
        }

        var encoding = FileSniffer.TextEncoding(header);
        var preamble = encoding.GetPreamble();
        var body = bytes.AsSpan().StartsWith(preamble) ? bytes.AsSpan(preamble.Length) : bytes.AsSpan();
        var text = encoding.GetString(body).TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal);
        if (text.Length > limit)
        {
            throw new UnreadableDocumentException("too_much_text", "The text file is longer than one homework can be.");
        }

        // The whole file (not just its first bytes) must be text: binary hidden after a text header is refused too.
        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f')) || text.Contains('\uFFFD', StringComparison.Ordinal))
        {
            throw new UnreadableDocumentException("binary_text", "The text file contains binary data.");
        }

        return text.Normalize(NormalizationForm.FormC);
    }
}
