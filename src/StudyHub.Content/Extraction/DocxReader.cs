using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace StudyHub.Content.Extraction;

/// <summary>
/// Reads a DOCX's paragraphs in order, numbered lists with their numbers ("1.", "a)"), and splits pages at
/// explicit page breaks. The zip is unpacked once through a counter first, because a bomb's headers lie.
/// </summary>
internal sealed class DocxReader(IOptions<ReadingLimits> options)
{
    public IReadOnlyList<string> ReadPages(string path)
    {
        CheckNotABomb(path);
        try
        {
            using var document = WordprocessingDocument.Open(path, false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new UnreadableDocumentException("corrupt_docx", "The Word document has no body text.");
            var numbering = new ListNumbering(document.MainDocumentPart.NumberingDefinitionsPart?.Numbering);
            var pages = new List<string>();
            var page = new StringBuilder();
            foreach (var paragraph in body.Descendants<Paragraph>())
            {
                var label = numbering.Next(paragraph);
                var line = new StringBuilder(label is null ? "" : label + " ");
                foreach (var element in paragraph.Descendants())
                {
                    switch (element)
                    {
                        case Text text:
                            line.Append(text.Text);
                            break;
                        case TabChar:
                            line.Append('\t');
                            break;
                        case Break { Type.Value: var type } when type == BreakValues.Page:
                            page.AppendLine(line.ToString());
                            line.Clear();
                            pages.Add(page.ToString().Trim());
                            page.Clear();
                            break;
                        case Break or CarriageReturn:
                            line.Append('\n');
                            break;
                    }
                }

                page.AppendLine(line.ToString());
                if (page.Length > options.Value.MaxTextCharacters)
                {
                    throw new UnreadableDocumentException("too_much_text", "The Word document holds more text than one homework can.");
                }
            }

            pages.Add(page.ToString().Trim());
            return pages;
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FileFormatException)
        {
            throw new UnreadableDocumentException("corrupt_docx", "The Word document is damaged and cannot be read.");
        }
    }

    private void CheckNotABomb(string path)
    {
        var limits = options.Value;
        try
        {
            using var zip = ZipFile.OpenRead(path);
            long declared = zip.Entries.Sum(e => e.Length);
            if (declared > limits.MaxDocxUncompressedBytes)
            {
                throw Bomb();
            }

            long total = 0;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                // Count what really comes out, not what the header claims, and stop at the budget.
                using var stream = entry.Open();
                long entryBytes = 0;
                int read;
                while ((read = stream.Read(buffer)) > 0)
                {
                    entryBytes += read;
                    total += read;
                    if (total > limits.MaxDocxUncompressedBytes
                        || (entryBytes > 1024 * 1024 && entryBytes > System.Math.Max(1, entry.CompressedLength) * limits.MaxDocxCompressionRatio))
                    {
                        throw Bomb();
                    }
                }
            }
        }
        catch (InvalidDataException)
        {
            throw new UnreadableDocumentException("corrupt_docx", "The Word document is damaged and cannot be read.");
        }
    }

    private static UnreadableDocumentException Bomb() =>
        new("docx_too_large", "The Word document unpacks to far more data than a homework holds; it was not opened.");

    /// <summary>Word stores list numbers as counters per list and level, not as text; this replays them.</summary>
    private sealed class ListNumbering(Numbering? numbering)
    {
        private readonly Dictionary<int, int[]> _counters = [];

        public string? Next(Paragraph paragraph)
        {
            var properties = paragraph.ParagraphProperties?.NumberingProperties;
            var numberId = properties?.NumberingId?.Val?.Value;
            if (numberId is null or 0 || numbering is null)
            {
                return null;
            }

            var levelIndex = properties!.NumberingLevelReference?.Val?.Value ?? 0;
            var instance = numbering.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numberId);
            var abstractId = instance?.AbstractNumId?.Val?.Value;
            var level = numbering.Elements<AbstractNum>()
                .FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId)?
                .Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == levelIndex);
            if (level is null || levelIndex is < 0 or > 8)
            {
                return null;
            }

            if (!_counters.TryGetValue(numberId.Value, out var counters))
            {
                counters = new int[9];
                _counters[numberId.Value] = counters;
            }

            var start = level.StartNumberingValue?.Val?.Value ?? 1;
            counters[levelIndex] = counters[levelIndex] == 0 ? start : counters[levelIndex] + 1;
            for (var deeper = levelIndex + 1; deeper < counters.Length; deeper++)
            {
                counters[deeper] = 0;
            }

            var format = level.NumberingFormat?.Val?.Value ?? NumberFormatValues.Decimal;
            if (format == NumberFormatValues.Bullet || format == NumberFormatValues.None)
            {
                return null;
            }

            var pattern = level.LevelText?.Val?.Value ?? $"%{levelIndex + 1}.";
            var label = pattern;
            for (var i = 0; i <= levelIndex; i++)
            {
                label = label.Replace($"%{i + 1}", Format(System.Math.Max(counters[i], 1), i == levelIndex ? format : NumberFormatValues.Decimal), StringComparison.Ordinal);
            }

            return label;
        }

        private static string Format(int value, NumberFormatValues format)
        {
            if (format == NumberFormatValues.LowerLetter || format == NumberFormatValues.UpperLetter)
            {
                var letters = new string((char)('a' + ((value - 1) % 26)), ((value - 1) / 26) + 1);
                return format == NumberFormatValues.UpperLetter ? letters.ToUpperInvariant() : letters;
            }

            if (format == NumberFormatValues.LowerRoman || format == NumberFormatValues.UpperRoman)
            {
                var roman = Roman(value);
                return format == NumberFormatValues.LowerRoman ? roman.ToLowerInvariant() : roman;
            }

            return value.ToString(CultureInfo.InvariantCulture);
        }

        private static string Roman(int value)
        {
            (int Value, string Numeral)[] numerals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
            var text = new StringBuilder();
            foreach (var (amount, numeral) in numerals)
            {
                while (value >= amount)
                {
                    text.Append(numeral);
                    value -= amount;
                }
            }

            return text.ToString();
        }
    }
}
