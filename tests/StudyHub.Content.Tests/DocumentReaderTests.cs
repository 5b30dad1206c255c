using System.Text;
using DocumentFormat.OpenXml.Wordprocessing;
using ImageMagick;
using StudyHub.Content.Extraction;

namespace StudyHub.Content.Tests;

public sealed class DocumentReaderTests : IDisposable
{
    private readonly Scratch _scratch = new();

    [Fact]
    public async Task A_text_pdf_is_read_page_by_page_with_its_line_breaks()
    {
        var pdf = Fixtures.TextPdf(["Solve for x:", "1. 2x + 3 = 11", "2. 5x - 7 = 18"], ["3. 3(x + 4) = 27"]);
        var (reader, services) = Fixtures.Reader(_scratch.Work);
        using var _ = services;

        var document = await reader.ReadAsync([_scratch.File("hw.pdf", pdf, SourceFormat.Pdf)], null, CancellationToken.None);

        Assert.Equal(2, document.Pages.Count);
        Assert.Equal(ExtractionMethod.TextLayer, document.Pages[0].Method);
        Assert.Null(document.Pages[0].OcrConfidence);
        Assert.Equal(["Solve for x:", "1. 2x + 3 = 11", "2. 5x - 7 = 18"], Lines(document.Pages[0].Text));
        Assert.Equal(["3. 3(x + 4) = 27"], Lines(document.Pages[1].Text));
        Assert.True(_scratch.WorkIsEmpty);
    }

    [Fact]
    public async Task A_ten_page_text_pdf_is_read_and_split_in_under_two_seconds()
    {
        var pages = Enumerable.Range(1, 10).Select(page => Worksheets.Render(Worksheets.Problems(page)).ToArray()).ToArray();
        var pdf = _scratch.File("ten.pdf", Fixtures.TextPdf(pages), SourceFormat.Pdf);
        var (reader, services) = Fixtures.Reader(_scratch.Work);
        using var _ = services;
        await reader.ReadAsync([pdf], null, CancellationToken.None);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var problems = new StudyHub.Content.Problems.ProblemFinder().Find(await reader.ReadAsync([pdf], null, CancellationToken.None));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        Assert.Equal(100, problems.Count);
        Assert.Equal("Solve for x:", problems[0].Instruction);
    }

    [Fact]
    public async Task A_docx_keeps_its_paragraphs_and_list_numbers()
    {
        var docx = Fixtures.Docx(["Homework 4", "Simplify:"], ["3/4 + 1/2", "2.5 × 4 - 1.2", "(12 - 4) ÷ 2"]);
        var (reader, services) = Fixtures.Reader(_scratch.Work);
        using var _ = services;

        var document = await reader.ReadAsync([_scratch.File("hw.docx", docx, SourceFormat.Docx)], null, CancellationToken.None);

        var page = Assert.Single(document.Pages);
        Assert.Equal(ExtractionMethod.Document, page.Method);
        Assert.Equal(["Homework 4", "Simplify:", "1. 3/4 + 1/2", "2. 2.5 × 4 - 1.2", "3. (12 - 4) ÷ 2"], Lines(page.Text));
    }

    [Fact]
    public async Task A_docx_letter_list_and_page_break_are_kept()
    {
        var docx = Fixtures.Docx(["Part A"], ["x + 1 = 2", "y - 3 = 4"], levelText: "%1)", format: NumberFormatValues.LowerLetter, pageBreakFirst: true);
        var (reader, services) = Fixtures.Reader(_scratch.Work);
        using var _ = services;

        var document = await reader.ReadAsync([_scratch.File("hw.docx", docx, SourceFormat.Docx)], null, CancellationToken.None);

        Assert.Equal(2, document.Pages.Count);
        Assert.Equal(["Part A"], Lines(document.Pages[0].Text));
        Assert.Equal(["a) x + 1 = 2", "b) y - 3 = 4"], Lines(document.Pages[1].Text));
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public async Task Text_is_read_as_is_in_any_common_encoding(string encodingName)
    {
        const string text = "1. Solve 2x − 3 = 7\r\n2. Écrivez ½ en décimal\r\n";
        var bytes = encodingName switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(text),
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf-16le" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            _ => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        };
        var (reader, services) = Fixtures.Reader(_scratch.Work);
        using var _ = services;

        var document = await reader.ReadAsync([_scratch.File("hw.txt", bytes, SourceFormat.Text)], null, CancellationToken.None);

        var page = Assert.Single(document.Pages);
        Assert.Equal("1. Solve 2x − 3 = 7\n2. Écrivez ½ en décimal", page.Text);
        Assert.Equal(ExtractionMethod.PlainText, page.Method);
    }

    [Fact]
    public async Task Pages_of_several_files_are_numbered_in_upload_order_and_progress_ticks_per_page()
    {
        var pdf = Fixtures.TextPdf(["1. x + 1 = 2"], ["2. x + 2 = 3"]);
        var text = Encoding.UTF8.GetBytes("3. x + 3 = 4\f4. x + 4 = 5");
        var (reader, services) = Fixtures.Reader(_scratch.Work);
        using var _ = services;
        var reports = new List<ReadingProgress>();

        var document = await reader.ReadAsync(
            [_scratch.File("a.pdf", pdf, SourceFormat.Pdf), _scratch.File("b.txt", text, SourceFormat.Text)],
            new SynchronousProgress(reports),
            CancellationToken.None);

        Assert.Equal([1, 2, 3, 4], document.Pages.Select(p => p.Number));
        Assert.Equal("4. x + 4 = 5", document.Pages[3].Text);
        Assert.Equal(new ReadingProgress(0, 4), reports[0]);
        Assert.Equal(new ReadingProgress(4, 4), reports[^1]);
        Assert.Equal(5, reports.Count);
    }

    [Fact]
    public async Task A_photo_is_prepared_and_read_with_a_confidence()
    {
        var photo = Fixtures.WorksheetPhoto(["Solve for x:", "1. 2x + 3 = 11", "2. 5x - 7 = 18"], Damage.None, MagickFormat.Jpeg);
        var (reader, services) = Fixtures.Reader(_scratch.Work);
        using var _ = services;

        var document = await reader.ReadAsync([_scratch.File("IMG_0001.jpg", photo, SourceFormat.Jpeg)], null, CancellationToken.None);

        var page = Assert.Single(document.Pages);
        Assert.Equal(ExtractionMethod.Ocr, page.Method);
        Assert.Equal(["Solveforx:", "1.2x+3=11", "2.5x-7=18"], Compact(page.Text));
        Assert.InRange(page.OcrConfidence!.Value, 80, 100);
        Assert.True(_scratch.WorkIsEmpty);
    }

    [Theory]
    [InlineData(Damage.TurnedQuarter)]
    [InlineData(Damage.UpsideDown)]
    public async Task A_turned_photo_is_turned_upright_before_reading(Damage damage)
    {
        var photo = Fixtures.WorksheetPhoto(["Solve for x:", "1. 2x + 3 = 11", "2. 5x - 7 = 18", "3. 4x + 1 = 21", "4. 9x - 4 = 23"], damage);
        var (reader, services) = Fixtures.Reader(_scratch.Work);
        using var _ = services;

        var document = await reader.ReadAsync([_scratch.File("page.png", photo, SourceFormat.Png)], null, CancellationToken.None);

        Assert.Contains("1.2x+3=11", Compact(document.Pages[0].Text));
        Assert.Contains("4.9x-4=23", Compact(document.Pages[0].Text));
    }

    [Fact]
    public async Task A_photo_with_an_exif_orientation_is_turned_by_it()
    {
        using var image = new MagickImage(Fixtures.WorksheetPhoto(["Solve for x:", "1. 2x + 3 = 11", "2. 5x - 7 = 18"], Damage.None));
        // The camera stores the sensor's pixels sideways and says so in EXIF, as phones do.
        image.Rotate(-90);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Orientation, (ushort)6);
        image.SetProfile(exif);
        // ImageMagick rewrites the EXIF tag from its own orientation attribute when saving, so set both.
        var orientation = typeof(MagickImage).GetProperty(nameof(MagickImage.Orientation))!;
        orientation.SetValue(image, Enum.Parse(orientation.PropertyType, "RightTop"));
        image.Format = MagickFormat.Jpeg;
        var photo = image.ToByteArray();
        Assert.Equal((ushort)6, new MagickImage(photo).GetExifProfile()?.GetValue(ExifTag.Orientation)?.Value);
        var (reader, services) = Fixtures.Reader(_scratch.Work);
        using var _ = services;

        var document = await reader.ReadAsync([_scratch.File("IMG_0002.jpg", photo, SourceFormat.Jpeg)], null, CancellationToken.None);

        Assert.Contains("1.2x+3=11", Compact(document.Pages[0].Text));
    }

    [Fact]
    public async Task A_heic_photo_as_iphones_take_them_is_read()
    {
        var heic = Fixtures.Heic(Fixtures.WorksheetPhoto(["Solve for x:", "1. 2x + 3 = 11", "2. 5x - 7 = 18"], Damage.Tilted), _scratch.Root);
        Assert.Equal(SourceFormat.Heic, FileSniffer.Detect(heic.AsSpan(0, System.Math.Min(heic.Length, FileSniffer.HeaderLength)), "IMG_0003.HEIC").Format);
        var (reader, services) = Fixtures.Reader(_scratch.Work);
        using var _ = services;

        var document = await reader.ReadAsync([_scratch.File("IMG_0003.HEIC", heic, SourceFormat.Heic)], null, CancellationToken.None);

        var page = Assert.Single(document.Pages);
        Assert.Equal(ExtractionMethod.Ocr, page.Method);
        Assert.Contains("1.2x+3=11", Compact(page.Text));
        Assert.Contains("2.5x-7=18", Compact(page.Text));
        Assert.True(_scratch.WorkIsEmpty);
    }

    [Fact]
    public async Task A_scanned_pdf_page_without_text_is_rendered_and_read()
    {
        var scan = Fixtures.WorksheetPhoto(["Simplify:", "1. 3/4 + 1/2", "2. (12 - 4) + 2"], Damage.None);
        var pdf = Fixtures.ScannedPdf(scan);
        var (reader, services) = Fixtures.Reader(_scratch.Work);
        using var _ = services;

        var document = await reader.ReadAsync([_scratch.File("scan.pdf", pdf, SourceFormat.Pdf)], null, CancellationToken.None);

        var page = Assert.Single(document.Pages);
        Assert.Equal(ExtractionMethod.Ocr, page.Method);
        Assert.Contains("1.3/4+1/2", Compact(page.Text));
        Assert.NotNull(page.OcrConfidence);
        Assert.True(_scratch.WorkIsEmpty);
    }

    public void Dispose() => _scratch.Dispose();

    // OCR decides spaces around operators by pixel gaps; the problem finder does not depend on them.
    internal static string[] Compact(string text) => [.. Lines(text).Select(l => l.Replace(" ", "", StringComparison.Ordinal))];

    internal static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private sealed class SynchronousProgress(List<ReadingProgress> reports) : IProgress<ReadingProgress>
    {
        public void Report(ReadingProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
