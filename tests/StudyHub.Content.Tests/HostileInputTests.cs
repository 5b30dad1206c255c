using System.Diagnostics;
using System.Text;
using StudyHub.Content.Extraction;

namespace StudyHub.Content.Tests;

/// <summary>Every hostile or broken file ends in a readable refusal, quickly, with the work directory left empty.</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly Scratch _scratch = new();

    [Theory]
    [InlineData("empty.txt", "Text")]
    [InlineData("IMG_0001.jpg", "Jpeg")]
    [InlineData("scan.png", "Png")]
    [InlineData("hw.pdf", "Pdf")]
    public async Task An_empty_file_or_a_zero_byte_image_is_refused(string name, string format)
    {
        var error = await Refused(_scratch.File(name, [], Enum.Parse<SourceFormat>(format)));

        Assert.Equal("empty_file", error.Code);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_pdf_is_refused_as_damaged()
    {
        var pdf = Fixtures.TextPdf(["1. x + 1 = 2"], ["2. x + 2 = 3"]);

        var error = await Refused(_scratch.File("hw.pdf", pdf[..(pdf.Length / 2)], SourceFormat.Pdf));

        Assert.Equal("corrupt_pdf", error.Code);
        Assert.Contains("damaged or incomplete", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_encrypted_pdf_is_refused_with_what_to_do()
    {
        var error = await Refused(_scratch.File("locked.pdf", Fixtures.EncryptedPdf(), SourceFormat.Pdf));

        Assert.Equal("encrypted_pdf", error.Code);
        Assert.Contains("password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_five_thousand_page_pdf_is_refused_before_any_page_is_read()
    {
        var pages = Enumerable.Range(1, 5_000).Select(i => new[] { $"{i}. x + {i} = 0" }).ToArray();
        var pdf = Fixtures.TextPdf(pages);
        var clock = Stopwatch.StartNew();

        var error = await Refused(_scratch.File("huge.pdf", pdf, SourceFormat.Pdf));

        Assert.Equal("too_many_pages", error.Code);
        Assert.Equal("The PDF has 5000 pages; one homework can have at most 300.", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task The_page_limit_is_configurable()
    {
        var pdf = Fixtures.TextPdf(["1. a"], ["2. b"], ["3. c"]);

        var error = await Refused(_scratch.File("hw.pdf", pdf, SourceFormat.Pdf), limits => limits.MaxPages = 2);

        Assert.Equal("too_many_pages", error.Code);
    }

    [Fact]
    public async Task A_30000_by_30000_png_is_refused_from_its_header_without_decoding()
    {
        var bomb = Fixtures.PngBombHeader(30_000, 30_000);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();

        var error = await Refused(_scratch.File("bomb.png", bomb, SourceFormat.Png));

        Assert.Equal("image_too_large", error.Code);
        Assert.Equal("The image is 30000 x 30000 pixels; the most we read is 64 megapixels and 16384 pixels a side.", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.True(GC.GetTotalMemory(false) - before < 50_000_000);
    }

    [Fact]
    public async Task A_docx_zip_bomb_is_refused_while_unpacking()
    {
        var bomb = Fixtures.DocxBomb(megabytes: 24);
        Assert.True(bomb.Length < 200_000, $"the bomb is {bomb.Length} bytes");

        var error = await Refused(_scratch.File("essay.docx", bomb, SourceFormat.Docx), limits => limits.MaxDocxUncompressedBytes = 16 * 1024 * 1024);

        Assert.Equal("docx_too_large", error.Code);
    }

    [Fact]
    public async Task A_highly_compressed_docx_part_is_refused_by_its_ratio()
    {
        var error = await Refused(_scratch.File("essay.docx", Fixtures.DocxBomb(megabytes: 8), SourceFormat.Docx));

        Assert.Equal("docx_too_large", error.Code);
    }

    [Fact]
    public async Task A_text_file_that_is_binary_is_refused()
    {
        var bytes = new byte[4096];
        new Random(3).NextBytes(bytes);

        var error = await Refused(_scratch.File("notes.txt", bytes, SourceFormat.Text));

        Assert.Equal("binary_text", error.Code);
    }

    [Fact]
    public async Task Binary_hidden_after_a_text_start_is_refused_too()
    {
        var bytes = Encoding.UTF8.GetBytes(new string('a', 20_000)).Concat(new byte[] { 0, 1, 2, 3, 0xFF }).ToArray();

        var error = await Refused(_scratch.File("notes.txt", bytes, SourceFormat.Text));

        Assert.Equal("binary_text", error.Code);
    }

    [Fact]
    public async Task A_damaged_photo_is_refused()
    {
        var bytes = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }.Concat(Enumerable.Repeat((byte)0x42, 3000)).ToArray();

        var error = await Refused(_scratch.File("IMG_0003.jpg", bytes, SourceFormat.Jpeg));

        Assert.Equal("corrupt_image", error.Code);
    }

    [Fact]
    public async Task A_damaged_docx_is_refused()
    {
        var docx = Fixtures.Docx(["Hello"], []);

        var error = await Refused(_scratch.File("essay.docx", docx[..(docx.Length / 2)], SourceFormat.Docx));

        Assert.Equal("corrupt_docx", error.Code);
    }

    public void Dispose() => _scratch.Dispose();

    private async Task<UnreadableDocumentException> Refused(SourceFile file, Action<ReadingLimits>? configure = null)
    {
        var (reader, services) = Fixtures.Reader(_scratch.Work, configure);
        using var _ = services;

        var error = await Assert.ThrowsAsync<UnreadableDocumentException>(() => reader.ReadAsync([file], null, CancellationToken.None));

        Assert.True(_scratch.WorkIsEmpty, "the reader left files behind");
        return error;
    }
}
