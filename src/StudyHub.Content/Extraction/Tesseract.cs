using System.Globalization;
using System.Text;

namespace StudyHub.Content.Extraction;

internal sealed record OcrText(string Text, double? Confidence);

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
    /// Rebuilds lines from TSV rows (level 5 = word) so each printed line stays one line, and averages the
    /// confidences of real words (tesseract reports -1 for layout rows).
    /// </summary>
    internal static OcrText ParseTsv(string tsv)
    {
        var text = new StringBuilder();
        var confidences = new List<double>();
        (int Block, int Paragraph, int Line)? current = null;
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

            var key = (int.Parse(cells[2], CultureInfo.InvariantCulture), int.Parse(cells[3], CultureInfo.InvariantCulture), int.Parse(cells[4], CultureInfo.InvariantCulture));
            if (current is { } previous)
            {
                text.Append(previous == key ? " " : previous.Block != key.Item1 || previous.Paragraph != key.Item2 ? "\n\n" : "\n");
            }

            text.Append(word);
            current = key;
            if (double.TryParse(cells[10], CultureInfo.InvariantCulture, out var confidence) && confidence >= 0)
            {
                confidences.Add(confidence);
            }
        }

        return new OcrText(text.ToString(), confidences.Count == 0 ? null : System.Math.Round(confidences.Average(), 1));
    }
}
