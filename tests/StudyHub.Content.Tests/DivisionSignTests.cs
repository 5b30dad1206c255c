using ImageMagick;
using ImageMagick.Drawing;
using StudyHub.Content.Extraction;

namespace StudyHub.Content.Tests;

/// <summary>Tesseract reads "÷" as "+"; the picture decides which it was.</summary>
public sealed class DivisionSignTests
{
    [Theory]
    [InlineData("÷", 0.0, true)]
    [InlineData("÷", 1.5, true)]
    [InlineData("+", 0.0, false)]
    [InlineData("+", 1.5, false)]
    [InlineData("-", 0.0, false)]
    [InlineData("=", 0.0, false)]
    public void A_plus_is_a_division_sign_only_when_drawn_as_a_bar_between_two_dots(string glyph, double blur, bool division)
    {
        using var page = Draw($"(12 - 4) {glyph} 2", blur);
        var box = GlyphBox(page, glyph);

        Assert.Equal(division, DivisionSigns.IsDivisionSign(page, new OcrWord("+", box.Left, box.Top, box.Width, box.Height, 90, (1, 1, 1))));
    }

    [Fact]
    public void A_box_around_the_bar_alone_still_finds_the_dots()
    {
        // Tesseract may leave the dots out of the word's box, taking them for specks.
        using var page = Draw("(12 - 4) ÷ 2", 0);
        var box = GlyphBox(page, "÷");
        var barTop = box.Top + (box.Height / 2) - 2;

        Assert.True(DivisionSigns.IsDivisionSign(page, new OcrWord("+", box.Left, barTop, box.Width, 4, 90, (1, 1, 1))));
    }

    [Fact]
    public void Only_words_read_as_a_lone_plus_are_looked_at()
    {
        using var scratch = new Scratch();
        using var page = Draw("(12 - 4) ÷ 2 + 1", 0);
        var path = Path.Combine(scratch.Root, "page.png");
        page.Write(path, MagickFormat.Png);
        var division = GlyphBox(page, "÷");
        var words = new List<OcrWord>
        {
            new("2", 0, 0, 10, 10, 90, (1, 1, 1)),
            new("+", division.Left, division.Top, division.Width, division.Height, 80, (1, 1, 1)),
            new("+", PlusBox(page).Left, PlusBox(page).Top, PlusBox(page).Width, PlusBox(page).Height, 80, (1, 1, 1)),
        };

        var restored = DivisionSigns.Restore(path, words);

        Assert.Equal(["2", "÷", "+"], restored.Select(w => w.Text));
    }

    private static MagickImage Draw(string text, double blur)
    {
        var image = new MagickImage(MagickColors.White, 900, 160);
        new Drawables().Font(Fixtures.Font).FontPointSize(50).FillColor(MagickColors.Black).Text(40, 100, text).Draw(image);
        if (blur > 0)
        {
            image.GaussianBlur(0, blur);
        }

        image.Grayscale();
        return image;
    }

    /// <summary>Where one glyph of the drawn line is: drawn alone at the same place, then measured.</summary>
    private static (int Left, int Top, int Width, int Height) GlyphBox(MagickImage page, string glyph)
    {
        using var alone = new MagickImage(MagickColors.White, page.Width, page.Height);
        var prefix = "(12 - 4) ";
        var drawables = new Drawables().Font(Fixtures.Font).FontPointSize(50);
        var offset = drawables.FontTypeMetrics(prefix)!.TextWidth;
        new Drawables().Font(Fixtures.Font).FontPointSize(50).FillColor(MagickColors.Black).Text(40 + offset, 100, glyph).Draw(alone);
        return InkBox(alone);
    }

    private static (int Left, int Top, int Width, int Height) PlusBox(MagickImage page)
    {
        // The last plus of "(12 - 4) ÷ 2 + 1": the ink between the last "2" and "1".
        using var alone = new MagickImage(MagickColors.White, page.Width, page.Height);
        var drawables = new Drawables().Font(Fixtures.Font).FontPointSize(50);
        var offset = drawables.FontTypeMetrics("(12 - 4) ÷ 2 ")!.TextWidth;
        new Drawables().Font(Fixtures.Font).FontPointSize(50).FillColor(MagickColors.Black).Text(40 + offset, 100, "+").Draw(alone);
        return InkBox(alone);
    }

    private static (int Left, int Top, int Width, int Height) InkBox(MagickImage image)
    {
        image.Depth = 8;
        var gray = image.ToByteArray(MagickFormat.Gray);
        var (width, height) = ((int)image.Width, (int)image.Height);
        var (left, top, right, bottom) = (width, height, -1, -1);
        for (var i = 0; i < gray.Length; i++)
        {
            if (gray[i] < 128)
            {
                var (x, y) = (i % width, i / width);
                (left, top, right, bottom) = (System.Math.Min(left, x), System.Math.Min(top, y), System.Math.Max(right, x), System.Math.Max(bottom, y));
            }
        }

        Assert.True(right >= 0, "nothing was drawn");
        return (left, top, right - left + 1, bottom - top + 1);
    }
}
