using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ImageMagick;
using ImageMagick.Drawing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Content.Extraction;
using StudyHub.Content.Problems;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace StudyHub.Content.Tests;

/// <summary>How a test photo of a worksheet is spoiled, like a phone camera on a kitchen table would.</summary>
public enum Damage
{
    None,
    Tilted,
    TurnedQuarter,
    UpsideDown,
    Blurred,
    Noisy,
    LowContrast,
    JpegCompressed,
    Everything,
}

/// <summary>Every fixture is made here, in code: PDFs with PdfPig's builder, DOCX with OpenXml, photos with Magick.NET.</summary>
internal static class Fixtures
{
    public const string Font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    static Fixtures()
    {
        // Magick.NET's own fontconfig looks here for fonts; Debian keeps its configuration in /etc/fonts.
        Environment.SetEnvironmentVariable("FONTCONFIG_PATH", "/etc/fonts");
    }

    /// <summary>A reader wired as the app wires it, with a private temp root so a test can prove it is left empty.</summary>
    public static (IDocumentReader Reader, ServiceProvider Services) Reader(string tempRoot, Action<ReadingLimits>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddDocumentReading();
        services.Configure<ReadingLimits>(limits =>
        {
            limits.TempRoot = tempRoot;
            configure?.Invoke(limits);
        });
        var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<IDocumentReader>(), provider);
    }

    public static byte[] TextPdf(params string[][] pages)
    {
        var builder = new PdfDocumentBuilder();
        // A TrueType font, because worksheets carry ÷, × and ² that the standard 14 PDF fonts lack.
        var font = builder.AddTrueTypeFont(File.ReadAllBytes(Font));
        foreach (var lines in pages)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            var y = 780.0;
            foreach (var line in lines)
            {
                page.AddText(line, 12, new PdfPoint(60, y), font);
                y -= 22;
            }
        }

        return builder.Build();
    }

    /// <summary>A "scanned" PDF: each page is only a picture of the worksheet, no text layer.</summary>
    public static byte[] ScannedPdf(params byte[][] pngPages)
    {
        var builder = new PdfDocumentBuilder();
        foreach (var png in pngPages)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            page.AddPng(png, new PdfRectangle(0, 0, page.PageSize.Width, page.PageSize.Height));
        }

        return builder.Build();
    }

    /// <summary>A DOCX with plain paragraphs and, for each item of <paramref name="numbered"/>, a decimal "%1." list item.</summary>
    public static byte[] Docx(IEnumerable<string> paragraphs, IEnumerable<string> numbered, string levelText = "%1.", NumberFormatValues? format = null, bool pageBreakFirst = false)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var numberingPart = main.AddNewPart<NumberingDefinitionsPart>();
            numberingPart.Numbering = new Numbering(
                new AbstractNum(
                    new Level(
                        new StartNumberingValue { Val = 1 },
                        new NumberingFormat { Val = format ?? NumberFormatValues.Decimal },
                        new LevelText { Val = levelText })
                    { LevelIndex = 0 })
                { AbstractNumberId = 1 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 7 });
            var body = new Body();
            foreach (var text in paragraphs)
            {
                body.Append(new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve })));
            }

            if (pageBreakFirst)
            {
                body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
            }

            foreach (var text in numbered)
            {
                body.Append(new Paragraph(
                    new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 7 })),
                    new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve })));
            }

            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    /// <summary>A zip that unpacks <paramref name="megabytes"/> of spaces into word/document.xml.</summary>
    public static byte[] DocxBomb(int megabytes)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
            {
                types.Write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            }

            using var document = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var block = new byte[1024 * 1024];
            Array.Fill(block, (byte)' ');
            for (var i = 0; i < megabytes; i++)
            {
                document.Write(block);
            }
        }

        return stream.ToArray();
    }

    /// <summary>Renders worksheet lines (12 pt) to a white A4 page at 300 dpi, as a phone photographs it, then damages it.</summary>
    public static byte[] WorksheetPhoto(IReadOnlyList<string> lines, Damage damage, MagickFormat format = MagickFormat.Png, int seed = 1)
    {
        using var image = new MagickImage(MagickColors.White, 2480, 3508);
        var drawables = new Drawables().Font(Font).FontPointSize(50).FillColor(MagickColors.Black);
        var y = 300;
        foreach (var line in lines)
        {
            drawables.Text(220, y, line);
            y += 110;
        }

        drawables.Draw(image);
        Spoil(image, damage, seed);
        image.Format = format;
        if (format == MagickFormat.Jpeg)
        {
            image.Quality = damage is Damage.JpegCompressed or Damage.Everything ? 30u : 85u;
        }

        return image.ToByteArray();
    }

    private static readonly System.Threading.Lock s_noiseGate = new();

    /// <summary>
    /// Camera grain from ImageMagick's random generator, seeded so a photo comes out the same in every run
    /// (unseeded, the noisy photo's score moved between 7 and 10 of 10 problems found from run to run).
    /// The seed is process-wide, so noise is made one photo at a time.
    /// </summary>
    private static void AddNoise(MagickImage image, double attenuate, int seed)
    {
        lock (s_noiseGate)
        {
            MagickNET.SetRandomSeed((ulong)seed);
            image.AddNoise(NoiseType.Gaussian, attenuate);
        }
    }

    private static void Spoil(MagickImage image, Damage damage, int seed)
    {
        image.BackgroundColor = MagickColors.White;
        var tilt = 2.0 + (seed % 4);
        switch (damage)
        {
            case Damage.Tilted:
                image.Rotate(seed % 2 == 0 ? tilt : -tilt);
                break;
            case Damage.TurnedQuarter:
                image.Rotate(90);
                break;
            case Damage.UpsideDown:
                image.Rotate(180);
                break;
            case Damage.Blurred:
                image.GaussianBlur(0, 2.0);
                break;
            case Damage.Noisy:
                AddNoise(image, 0.3, seed);
                break;
            case Damage.LowContrast:
                image.InverseLevelColors(new MagickColor("#707070"), new MagickColor("#C8C8C8"));
                break;
            case Damage.Everything:
                image.Rotate(tilt);
                image.GaussianBlur(0, 1.2);
                AddNoise(image, 0.2, seed);
                image.InverseLevelColors(new MagickColor("#505050"), new MagickColor("#E0E0E0"));
                break;
        }
    }

    /// <summary>
    /// A HEIC photo, as iPhones save them, encoded by libheif's heif-enc (x265) from <paramref name="png"/>:
    /// Magick.NET's own build reads HEIC but does not write it. scripts/reading-tools.sh installs heif-enc.
    /// </summary>
    public static byte[] Heic(byte[] png, string directory)
    {
        var source = Path.Combine(directory, Guid.NewGuid().ToString("N") + ".png");
        var target = Path.ChangeExtension(source, ".heic");
        File.WriteAllBytes(source, png);
        var start = new System.Diagnostics.ProcessStartInfo("heif-enc") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--quality", "70", source, "--output", target })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"heif-enc failed: {errors.Result}");
        }

        var heic = File.ReadAllBytes(target);
        File.Delete(source);
        File.Delete(target);
        return heic;
    }

    /// <summary>A PNG whose header claims <paramref name="width"/> x <paramref name="height"/> pixels, with almost no data.</summary>
    public static byte[] PngBombHeader(int width, int height)
    {
        using var stream = new MemoryStream();
        stream.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 0; // grayscale
        Chunk(stream, "IHDR", header);
        // A zlib stream of zeros that would inflate to the whole picture: what a real decompression bomb carries.
        using (var data = new MemoryStream())
        {
            using (var zlib = new ZLibStream(data, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                var row = new byte[width + 1];
                for (var i = 0; i < 64; i++)
                {
                    zlib.Write(row);
                }
            }

            Chunk(stream, "IDAT", data.ToArray());
        }

        Chunk(stream, "IEND", []);
        return stream.ToArray();
    }

    /// <summary>A minimal PDF whose trailer names an /Encrypt dictionary with a user password we do not know.</summary>
    public static byte[] EncryptedPdf()
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
            "<< /Filter /Standard /V 1 /R 2 /O <" + new string('A', 64) + "> /U <" + new string('B', 64) + "> /P -44 >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append($"{offset:D10} 00000 n \n");
        }

        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        stream.Write(length);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        stream.Write(typeBytes);
        stream.Write(data);
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32([.. typeBytes, .. data]));
        stream.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}

/// <summary>The worksheets the accuracy test and the benchmarks photograph.</summary>
internal static class Worksheets
{
    /// <summary>Ten problems of the kinds a grade 7–9 worksheet has, with numbers varied by seed.</summary>
    internal static List<string> Problems(int seed)
    {
        var random = new Random(seed);
        int R(int low, int high) => random.Next(low, high + 1);
        return
        [
            $"{R(2, 9)}x + {R(1, 20)} = {R(21, 60)}",
            $"{R(2, 9)}x - {R(1, 20)} = {R(1, 40)}",
            $"{R(2, 6)}(x + {R(1, 9)}) = {R(10, 60)}",
            $"x/{R(2, 9)} + {R(1, 9)} = {R(10, 20)}",
            $"{R(5, 9)}x - {R(10, 19)} = {R(2, 4)}x + {R(5, 30)}",
            $"{R(1, 4)}/{R(5, 9)} + {R(1, 2)}/{R(3, 4)}",
            $"({R(20, 40)} - {R(2, 9)}) ÷ {R(2, 5)}",
            $"{R(1, 9)}.{R(1, 9)} × {R(2, 9)}",
            $"x² - {R(3, 9)}x + {R(2, 20)} = 0",
            $"{R(5, 9)}{R(0, 9)}% of {R(2, 9)}{R(0, 9)}0",
        ];
    }

    internal static List<string> Render(List<string> problems) =>
    [
        "Homework 5 - Equations and Arithmetic",
        "Solve for x:",
        .. problems.Take(5).Select((p, i) => $"{i + 1}. {p}"),
        "Simplify:",
        .. problems.Skip(5).Select((p, i) => $"{i + 6}. {p}"),
    ];

}

/// <summary>A temp directory for one test's files and the reader's work, deleted at the end.</summary>
internal sealed class Scratch : IDisposable
{
    public Scratch()
    {
        Root = Directory.CreateTempSubdirectory("studyhub-content-test-").FullName;
        Work = Directory.CreateDirectory(Path.Combine(Root, "work")).FullName;
    }

    public string Root { get; }

    /// <summary>The reader's temp root: it must be empty again after every read, success or failure.</summary>
    public string Work { get; }

    public SourceFile File(string name, byte[] bytes, SourceFormat format)
    {
        var path = Path.Combine(Root, Guid.NewGuid().ToString("N") + Path.GetExtension(name));
        System.IO.File.WriteAllBytes(path, bytes);
        return new SourceFile(name, path, format);
    }

    public bool WorkIsEmpty => !Directory.EnumerateFileSystemEntries(Work).Any();

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
