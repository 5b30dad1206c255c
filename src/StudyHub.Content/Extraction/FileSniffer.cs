using System.IO.Compression;
using System.Text;

namespace StudyHub.Content.Extraction;

/// <summary>What the sniffer decided: a format to read, or a rejection the upload endpoint can show as is.</summary>
internal sealed record SniffResult(SourceFormat? Format, string? RejectionCode, string? Reason)
{
    public bool Accepted => Format is not null;

    public static SniffResult Accept(SourceFormat format) => new(format, null, null);

    public static SniffResult Reject(string code, string reason) => new(null, code, reason);
}

/// <summary>
/// Decides what an upload is from its first bytes (magic numbers), then checks the name agrees.
/// The name is only a witness: a JPEG called "homework.pdf" is rejected as lying, so a file is never
/// handed to the wrong reader (and a script renamed ".txt" never reaches the text reader).
/// </summary>
internal static class FileSniffer
{
    /// <summary>How many leading bytes <see cref="Detect(ReadOnlySpan{byte}, string)"/> wants to see.</summary>
    public const int HeaderLength = 8 * 1024;

    private static readonly Dictionary<string, SourceFormat> s_extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = SourceFormat.Pdf,
        [".docx"] = SourceFormat.Docx,
        [".jpg"] = SourceFormat.Jpeg,
        [".jpeg"] = SourceFormat.Jpeg,
        [".jfif"] = SourceFormat.Jpeg,
        [".png"] = SourceFormat.Png,
        [".heic"] = SourceFormat.Heic,
        [".heif"] = SourceFormat.Heic,
        [".txt"] = SourceFormat.Text,
        [".text"] = SourceFormat.Text,
        [".md"] = SourceFormat.Text,
        [".markdown"] = SourceFormat.Text,
    };

    // ISO-BMFF brands used by HEIC/HEIF stills and sequences straight from phones.
    private static readonly string[] s_heicBrands = ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"];

    /// <summary>Reads the file's first bytes (and, for a zip, its directory) and decides.</summary>
    public static SniffResult Detect(string path, string declaredName)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Detect(stream, declaredName);
    }

    /// <summary>Decides from a seekable stream: zips are opened to tell a DOCX from any other zip.</summary>
    public static SniffResult Detect(Stream stream, string declaredName)
    {
        var header = new byte[HeaderLength];
        var read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        var span = header.AsSpan(0, read);
        if (!IsZip(span) || !stream.CanSeek)
        {
            return Detect(span, declaredName);
        }

        stream.Position = 0;
        bool isDocx;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            isDocx = zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return SniffResult.Reject("corrupt_file", "The file looks like a Word document but it is damaged or incomplete.");
        }

        return isDocx
            ? CheckName(SourceFormat.Docx, declaredName)
            : SniffResult.Reject("unsupported_type", "This zip file is not a Word document (.docx). Upload a PDF, Word document, text file or photos.");
    }

    /// <summary>
    /// Decides from the first bytes alone (up to <see cref="HeaderLength"/>). A zip counts as DOCX when
    /// <c>word/document.xml</c> is named among the first entries, which is where Word and LibreOffice put it.
    /// </summary>
    public static SniffResult Detect(ReadOnlySpan<byte> header, string declaredName)
    {
        if (header.IsEmpty)
        {
            return SniffResult.Reject("empty_file", "The file is empty (0 bytes).");
        }

        if (header.StartsWith("%PDF-"u8))
        {
            return CheckName(SourceFormat.Pdf, declaredName);
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return CheckName(SourceFormat.Jpeg, declaredName);
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return CheckName(SourceFormat.Png, declaredName);
        }

        if (IsHeic(header))
        {
            return CheckName(SourceFormat.Heic, declaredName);
        }

        if (IsZip(header))
        {
            return header.IndexOf("word/document.xml"u8) >= 0
                ? CheckName(SourceFormat.Docx, declaredName)
                : SniffResult.Reject("unsupported_type", "This zip file is not a Word document (.docx). Upload a PDF, Word document, text file or photos.");
        }

        if (LooksLikeText(header))
        {
            return CheckName(SourceFormat.Text, declaredName);
        }

        return HasTextName(declaredName)
            ? SniffResult.Reject("binary_text", $"\"{SafeName(declaredName)}\" is called a text file but contains binary data.")
            : SniffResult.Reject("unsupported_type", $"\"{SafeName(declaredName)}\" is not a PDF, Word document, text file, JPEG, PNG or HEIC photo.");
    }

    /// <summary>The text encoding a text upload uses, from its byte order mark or its zero bytes.</summary>
    public static Encoding TextEncoding(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode;
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode;
        }

        return Utf16WithoutBom(header) switch
        {
            1 => Encoding.Unicode,
            2 => Encoding.BigEndianUnicode,
            _ => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
    }

    private static SniffResult CheckName(SourceFormat actual, string declaredName)
    {
        var extension = Path.GetExtension(declaredName);
        if (string.IsNullOrEmpty(extension) || !s_extensions.TryGetValue(extension, out var claimed))
        {
            // No extension, or one we do not know ("scan.jpe", "notes.rtf"): the bytes decide alone.
            return actual == SourceFormat.Text && !string.IsNullOrEmpty(extension)
                ? SniffResult.Reject("unsupported_type", $"\"{SafeName(declaredName)}\" has a type we do not read ({extension}).")
                : SniffResult.Accept(actual);
        }

        if (claimed == actual || (claimed == SourceFormat.Text && actual == SourceFormat.Text))
        {
            return SniffResult.Accept(actual);
        }

        return SniffResult.Reject(
            "extension_mismatch",
            $"\"{SafeName(declaredName)}\" is named as {Describe(claimed)} but its contents are {Describe(actual)}. Rename it or upload the original file.");
    }

    private static bool HasTextName(string name) =>
        s_extensions.TryGetValue(Path.GetExtension(name), out var format) && format == SourceFormat.Text;

    private static string Describe(SourceFormat format) => format switch
    {
        SourceFormat.Pdf => "a PDF",
        SourceFormat.Docx => "a Word document",
        SourceFormat.Text => "a text file",
        SourceFormat.Jpeg => "a JPEG photo",
        SourceFormat.Png => "a PNG image",
        SourceFormat.Heic => "a HEIC photo",
        _ => format.ToString(),
    };

    // Names come from the client: keep only the last path segment and printable characters for messages.
    private static string SafeName(string name)
    {
        var last = name.Replace('\\', '/').Split('/')[^1];
        var clean = new string([.. last.Where(c => !char.IsControl(c))]);
        return clean.Length > 80 ? clean[..80] : clean;
    }

    private static bool IsZip(ReadOnlySpan<byte> header) => header.StartsWith("PK\x03\x04"u8);

    private static bool IsHeic(ReadOnlySpan<byte> header)
    {
        if (header.Length < 12 || !header[4..8].SequenceEqual("ftyp"u8))
        {
            return false;
        }

        var brand = Encoding.ASCII.GetString(header[8..12]);
        return s_heicBrands.Contains(brand);
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> header)
    {
        var encoding = TextEncoding(header);
        if (encoding is UTF8Encoding)
        {
            var body = header.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? header[3..] : header;
            return IsUtf8Text(body);
        }

        var chars = encoding.GetString(header[(header.Length % 2)..]);
        return chars.All(c => !char.IsControl(c) || c is '\n' or '\r' or '\t' or '\f' || c == '\uFEFF');
    }

    private static bool IsUtf8Text(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            if (b < 0x80)
            {
                if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f'))
                {
                    return false;
                }

                i++;
                continue;
            }

            var length = b switch
            {
                >= 0xC2 and <= 0xDF => 2,
                >= 0xE0 and <= 0xEF => 3,
                >= 0xF0 and <= 0xF4 => 4,
                _ => 0,
            };
            if (length == 0)
            {
                return false;
            }

            if (i + length > bytes.Length)
            {
                // A header cut in the middle of a character is still text.
                return true;
            }

            for (var k = 1; k < length; k++)
            {
                if ((bytes[i + k] & 0xC0) != 0x80)
                {
                    return false;
                }
            }

            i += length;
        }

        return true;
    }

    // Windows Notepad once saved UTF-16 without a BOM; ASCII-range UTF-16 has a zero in every other byte.
    // Returns 1 for little-endian, 2 for big-endian, 0 when the bytes are not UTF-16 of mostly Latin text.
    private static int Utf16WithoutBom(ReadOnlySpan<byte> header)
    {
        if (header.Length < 8)
        {
            return 0;
        }

        int evenZeros = 0, oddZeros = 0, pairs = header.Length / 2;
        for (var i = 0; i + 1 < header.Length; i += 2)
        {
            if (header[i] == 0)
            {
                evenZeros++;
            }

            if (header[i + 1] == 0)
            {
                oddZeros++;
            }
        }

        if (oddZeros > pairs * 0.9 && evenZeros == 0)
        {
            return 1;
        }

        return evenZeros > pairs * 0.9 && oddZeros == 0 ? 2 : 0;
    }
}
