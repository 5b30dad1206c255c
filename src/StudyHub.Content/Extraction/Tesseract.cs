using System.Globalization;
using System.Text;

namespace StudyHub.Content.Extraction;

/// <summary>One word tesseract read: its text, where it is on the image it read, and its confidence (0–100).</summary>
internal sealed record OcrWord(string Text, int Left, int Top, int Width, int Height, double? Confidence, (int Block, int Paragraph, int Line) Line);

/// <summary>A page's text (lines rebuilt from the words) and the mean confidence of its words.</summary>
internal sealed record OcrText(string Text, double? Confidence, IReadOnlyList<OcrWord> Words)
{
    /// <summary>Rebuilds the lines from the words, so each printed line stays one line.</summary>
    public static OcrText FromWords(IReadOnlyList<OcrWord> words)
    {
        var text = new StringBuilder();
        (int Block, int Paragraph, int Line)? current = null;
        foreach (var word in words)
        {
            if (current is { } previous)
            {
                text.Append(previous == word.Line ? " " : previous.Block != word.Line.Block || previous.Paragraph != word.Line.Paragraph ? "\n\n" : "\n");
            }

            text.Append(word.Text);
            current = word.Line;
        }

        var confidences = words.Where(w => w.Confidence is not null).Select(w => w.Confidence!.Value).ToList();
        return new OcrText(text.ToString(), confidences.Count == 0 ? null : System.Math.Round(confidences.Average(), 1), words);
    }
}

/// <summary>Tesseract's two jobs here: which way up a page is (OSD, <c>--psm 0</c>) and its words with confidences (TSV).</summary>
internal sealed class Tesseract(ExternalTool tool)
{
    /// <summary>Clockwise degrees (0, 90, 180, 270) that turn the image upright; 0 when OSD cannot tell.</summary>
    public async Task<int> DetectRotationAsync(string imagePath, CancellationToken cancellationToken)
    {
        var run = await tool.RunAsync("tesseract", [imagePath, "stdout", "--psm", "0"], cancellationToken);
        if (run.ExitCode != 0)
        {
            // "Too few characters" on sparse pages: read it as it is rather than guess.
            return 0;
        }

        return ParseOsd(run.StandardOutput);
    }

    public async Task<OcrText> ReadAsync(string imagePath, CancellationToken cancellationToken)
    {
        var run = await tool.RunAsync("tesseract", [imagePath, "stdout", "-l", "eng", "--psm", "3", "tsv"], cancellationToken);
        if (run.ExitCode != 0)
        {
            throw new UnreadableDocumentException("ocr_failed", "The page image could not be read by the text recogniser.");
        }

        return ParseTsv(run.StandardOutput);
    }

    internal static int ParseOsd(string output)
    {
        int rotate = 0;
        double confidence = 0;
        foreach (var line in output.Split('\n'))
        {
            var parts = line.Split(':', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2)
            {
                continue;
            }

            if (parts[0] == "Rotate")
            {
                _ = int.TryParse(parts[1], CultureInfo.InvariantCulture, out rotate);
            }
            else if (parts[0] == "Orientation confidence")
            {
                _ = double.TryParse(parts[1], CultureInfo.InvariantCulture, out confidence);
            }
        }

        // Below ~1 OSD is guessing (tesseract's own docs call 2+ reliable); a wrong turn ruins the page.
        return confidence >= 1.0 && rotate is 90 or 180 or 270 ? rotate : 0;
    }

    /// <summary>
    /// The word rows of tesseract's TSV (level 5) with their boxes and confidences (tesseract reports -1
    /// for layout rows, which are not words).
    /// </summary>
    internal static OcrText ParseTsv(string tsv)
    {
        var words = new List<OcrWord>();
        foreach (var row in tsv.Split('\n').Skip(1))
        {
            var cells = row.TrimEnd('\r').Split('\t');
            if (cells.Length < 12 || cells[0] != "5")
            {
                continue;
            }

            var word = cells[11].Trim();
            if (word.Length == 0)
            {
                continue;
            }

            int Cell(int index) => int.Parse(cells[index], CultureInfo.InvariantCulture);
            double? confidence = double.TryParse(cells[10], CultureInfo.InvariantCulture, out var c) && c >= 0 ? c : null;
            words.Add(new OcrWord(word, Cell(6), Cell(7), Cell(8), Cell(9), confidence, (Cell(2), Cell(3), Cell(4))));
        }

        return OcrText.FromWords(words);
    }
}
