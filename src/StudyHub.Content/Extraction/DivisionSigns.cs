using ImageMagick;

namespace StudyHub.Content.Extraction;

/// <summary>
/// Puts back the division signs tesseract cannot read. Its English model has no "÷" at all (the character is
/// missing from eng.traineddata's LSTM character set, so no configuration or user pattern can make it appear),
/// and it reads the sign as "+". The picture tells the two apart: a plus is one stroke, a division sign is a
/// bar with a separate dot above and below it. Only a "+" whose own pixels show exactly that becomes "÷".
/// </summary>
internal static class DivisionSigns
{
    /// <summary>The words with each "+" that is drawn as a division sign on <paramref name="imagePath"/> replaced by "÷".</summary>
    public static IReadOnlyList<OcrWord> Restore(string imagePath, IReadOnlyList<OcrWord> words)
    {
        if (!words.Any(w => w.Text.Contains('+', StringComparison.Ordinal)))
        {
            return words;
        }

        using var page = new MagickImage(imagePath);
        page.Grayscale();
        return [.. words.Select(w => Restore(page, w))];
    }

    /// <summary>
    /// A plus glued to its neighbours ("+3", "2)+") is looked at where it stands in the word's box, taken in
    /// equal parts per character: printed digits and signs are about equally wide, and the look-around margin
    /// forgives the rest.
    /// </summary>
    private static OcrWord Restore(MagickImage page, OcrWord word)
    {
        var text = word.Text.ToCharArray();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '+')
            {
                continue;
            }

            var share = word.Width / text.Length;
            var glyph = word with { Left = word.Left + (share * i), Width = System.Math.Max(1, share) };
            if (IsDivisionSign(page, glyph))
            {
                text[i] = '÷';
            }
        }

        var restored = new string(text);
        return restored == word.Text ? word : word with { Text = restored };
    }

    /// <summary>
    /// Looks at a square around the word's centre, a little larger than the glyph (tesseract's box may leave
    /// out the dots, which it can take for specks), and counts the ink blobs that do not touch its edge.
    /// </summary>
    internal static bool IsDivisionSign(MagickImage page, OcrWord word)
    {
        var half = (int)System.Math.Ceiling(System.Math.Max(word.Width, word.Height) * 0.75) + 2;
        var (centreX, centreY) = (word.Left + (word.Width / 2), word.Top + (word.Height / 2));
        var left = System.Math.Max(0, centreX - half);
        var top = System.Math.Max(0, centreY - half);
        var width = System.Math.Min((int)page.Width, centreX + half) - left;
        var height = System.Math.Min((int)page.Height, centreY + half) - top;
        if (width < 6 || height < 6)
        {
            return false;
        }

        using var area = page.CloneArea(left, top, (uint)width, (uint)height);
        area.Depth = 8;
        var gray = area.ToByteArray(MagickFormat.Gray);
        return gray.Length == width * height && IsDivisionSign(gray, width, height);
    }

    /// <summary>The shape test on 8-bit gray pixels (dark ink on light paper), row by row.</summary>
    internal static bool IsDivisionSign(byte[] gray, int width, int height)
    {
        var (darkest, lightest) = (gray.Min(), gray.Max());
        if (lightest - darkest < 48)
        {
            return false; // no clear ink here: say nothing rather than guess
        }

        var threshold = (darkest + lightest) / 2;
        var blobs = Blobs(gray, width, height, threshold);
        var largest = blobs.Count == 0 ? 0 : blobs.Max(b => b.Area);
        var marks = blobs.Where(b => !b.TouchesEdge && b.Area >= System.Math.Max(4, largest / 20)).OrderBy(b => b.CentreY).ToList();
        if (marks.Count != 3)
        {
            return false;
        }

        var (dotAbove, bar, dotBelow) = (marks[0], marks[1], marks[2]);
        var barIsFlat = bar.Width >= 2 * bar.Height && bar.Area == largest;
        bool IsDot(Blob dot) =>
            dot.Width < bar.Width * 0.6 && dot.Height < bar.Width * 0.6
            && dot.CentreX > bar.Left && dot.CentreX < bar.Right;
        return barIsFlat && IsDot(dotAbove) && IsDot(dotBelow) && dotAbove.Bottom < bar.Top && dotBelow.Top > bar.Bottom;
    }

    private sealed record Blob(int Area, int Left, int Top, int Right, int Bottom, double CentreX, double CentreY, bool TouchesEdge)
    {
        public int Width => Right - Left + 1;

        public int Height => Bottom - Top + 1;
    }

    /// <summary>8-connected blobs of pixels darker than <paramref name="threshold"/>.</summary>
    private static List<Blob> Blobs(byte[] gray, int width, int height, int threshold)
    {
        var seen = new bool[gray.Length];
        var blobs = new List<Blob>();
        var stack = new Stack<int>();
        for (var start = 0; start < gray.Length; start++)
        {
            if (seen[start] || gray[start] >= threshold)
            {
                continue;
            }

            var (area, left, top, right, bottom, sumX, sumY) = (0, width, height, 0, 0, 0L, 0L);
            seen[start] = true;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var index = stack.Pop();
                var (x, y) = (index % width, index / width);
                area++;
                sumX += x;
                sumY += y;
                (left, top, right, bottom) = (System.Math.Min(left, x), System.Math.Min(top, y), System.Math.Max(right, x), System.Math.Max(bottom, y));
                for (var dy = -1; dy <= 1; dy++)
                {
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        var (nx, ny) = (x + dx, y + dy);
                        if (nx < 0 || ny < 0 || nx >= width || ny >= height)
                        {
                            continue;
                        }

                        var next = (ny * width) + nx;
                        if (!seen[next] && gray[next] < threshold)
                        {
                            seen[next] = true;
                            stack.Push(next);
                        }
                    }
                }
            }

            var touchesEdge = left == 0 || top == 0 || right == width - 1 || bottom == height - 1;
            blobs.Add(new Blob(area, left, top, right, bottom, (double)sumX / area, (double)sumY / area, touchesEdge));
        }

        return blobs;
    }
}
