using System.IO.Compression;
using System.Text;
using StudyHub.Content.Extraction;

namespace StudyHub.Content.Tests;

public sealed class FileSnifferTests
{
    private static readonly byte[] s_jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0];
    private static readonly byte[] s_png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    [Theory]
    [InlineData("homework.pdf")]
    [InlineData("HOMEWORK.PDF")]
    [InlineData("no-extension")]
    public void A_pdf_is_known_by_its_signature(string name)
    {
        var result = FileSniffer.Detect("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj"u8, name);

        Assert.Equal(SourceFormat.Pdf, result.Format);
    }

    [Fact]
    public void Photos_are_known_by_their_signatures()
    {
        Assert.Equal(SourceFormat.Jpeg, FileSniffer.Detect(s_jpeg, "IMG_0001.JPG").Format);
        Assert.Equal(SourceFormat.Jpeg, FileSniffer.Detect(s_jpeg, "scan.jpeg").Format);
        Assert.Equal(SourceFormat.Png, FileSniffer.Detect(s_png, "page.png").Format);
    }

    [Theory]
    [InlineData("heic")]
    [InlineData("heix")]
    [InlineData("mif1")]
    public void A_heic_photo_is_known_by_its_ftyp_brand(string brand)
    {
        var header = new byte[] { 0, 0, 0, 0x18 }.Concat(Encoding.ASCII.GetBytes("ftyp" + brand)).Concat(new byte[12]).ToArray();

        Assert.Equal(SourceFormat.Heic, FileSniffer.Detect(header, "IMG_4242.HEIC").Format);
    }

    [Fact]
    public void An_mp4_is_not_a_heic_photo()
    {
        var header = new byte[] { 0, 0, 0, 0x18 }.Concat(Encoding.ASCII.GetBytes("ftypisom")).Concat(new byte[12]).ToArray();

        var result = FileSniffer.Detect(header, "movie.heic");

        Assert.Equal("unsupported_type", result.RejectionCode);
    }

    [Fact]
    public void A_docx_is_a_zip_holding_word_document_xml()
    {
        using var stream = Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"));

        Assert.Equal(SourceFormat.Docx, FileSniffer.Detect(stream, "essay.docx").Format);
        Assert.Equal(SourceFormat.Docx, FileSniffer.Detect(stream.ToArray(), "essay.docx").Format);
    }

    [Fact]
    public void Another_zip_is_rejected_even_when_named_docx()
    {
        using var stream = Zip(("xl/workbook.xml", "<workbook/>"));

        var result = FileSniffer.Detect(stream, "grades.docx");

        Assert.Equal("unsupported_type", result.RejectionCode);
        Assert.Contains("not a Word document", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lying_extension_is_detected_and_named()
    {
        var result = FileSniffer.Detect(s_jpeg, "worksheet.pdf");

        Assert.False(result.Accepted);
        Assert.Equal("extension_mismatch", result.RejectionCode);
        Assert.Equal("\"worksheet.pdf\" is named as a PDF but its contents are a JPEG photo. Rename it or upload the original file.", result.Reason);
    }

    [Fact]
    public void A_png_called_jpg_is_a_lie_too()
    {
        Assert.Equal("extension_mismatch", FileSniffer.Detect(s_png, "photo.jpg").RejectionCode);
    }

    [Theory]
    [InlineData("notes.txt")]
    [InlineData("notes.md")]
    [InlineData("pasted")]
    public void Utf8_text_is_text(string name)
    {
        var result = FileSniffer.Detect("1. Solve 2x + 3 = 11\n2. Simplify 3/4 \u00f7 1/2 \u2014 show work\n"u8, name);

        Assert.Equal(SourceFormat.Text, result.Format);
    }

    [Fact]
    public void Utf16_text_with_or_without_a_bom_is_text()
    {
        var withBom = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("1) x + 1 = 2\r\n")).ToArray();
        var bigEndianNoBom = Encoding.BigEndianUnicode.GetBytes("1) x + 1 = 2\r\n2) y - 3 = 4\r\n");

        Assert.Equal(SourceFormat.Text, FileSniffer.Detect(withBom, "a.txt").Format);
        Assert.Equal(SourceFormat.Text, FileSniffer.Detect(bigEndianNoBom, "b.txt").Format);
        Assert.Equal(Encoding.BigEndianUnicode, FileSniffer.TextEncoding(bigEndianNoBom));
    }

    [Fact]
    public void A_text_file_that_is_binary_is_rejected()
    {
        var binary = new byte[512];
        new Random(7).NextBytes(binary);
        binary[0] = (byte)'M';
        binary[1] = (byte)'Z';

        var result = FileSniffer.Detect(binary, "homework.txt");

        Assert.Equal("binary_text", result.RejectionCode);
        Assert.Contains("binary data", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_rejected()
    {
        Assert.Equal("empty_file", FileSniffer.Detect(ReadOnlySpan<byte>.Empty, "IMG_0001.jpg").RejectionCode);
    }

    [Fact]
    public void Text_with_an_unknown_extension_is_an_unsupported_type()
    {
        Assert.Equal("unsupported_type", FileSniffer.Detect("#!/bin/sh\nrm -rf /\n"u8, "run.sh").RejectionCode);
    }

    [Fact]
    public void Path_traversal_in_the_name_never_reaches_the_message()
    {
        var result = FileSniffer.Detect(s_jpeg, "../../etc/passwd\u0007.pdf");

        Assert.Equal("extension_mismatch", result.RejectionCode);
        Assert.DoesNotContain("..", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0007", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_multibyte_character_cut_by_the_header_is_still_text()
    {
        var text = Encoding.UTF8.GetBytes(new string('\u00e9', FileSniffer.HeaderLength));

        Assert.Equal(SourceFormat.Text, FileSniffer.Detect(text.AsSpan(0, FileSniffer.HeaderLength - 1), "a.txt").Format);
    }

    private static MemoryStream Zip(params (string Name, string Content)[] entries)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        }

        stream.Position = 0;
        return stream;
    }
}
