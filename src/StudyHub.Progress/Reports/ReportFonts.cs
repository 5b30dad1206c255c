using System.Text;
using SkiaSharp;

namespace StudyHub.Progress.Reports;

/// <summary>
/// DejaVu Sans (Debian's fonts-dejavu-core: Latin, Greek, Cyrillic and more) for the report's text,
/// and per character a fallback the system's font manager finds (fontconfig: e.g. Droid Sans
/// Fallback for Chinese and Japanese names), so no student's name prints as empty boxes.
/// </summary>
internal sealed class ReportFonts : IDisposable
{
    private const string Folder = "/usr/share/fonts/truetype/dejavu";

    private readonly Dictionary<int, SKTypeface> _fallbacks = [];
    private readonly SKFont _regularProbe;
    private readonly SKFont _boldProbe;

    public ReportFonts()
    {
        Regular = Load("DejaVuSans.ttf", SKFontStyle.Normal);
        Bold = Load("DejaVuSans-Bold.ttf", SKFontStyle.Bold);
        _regularProbe = new SKFont(Regular);
        _boldProbe = new SKFont(Bold);
    }

    public SKTypeface Regular { get; }

    public SKTypeface Bold { get; }

    /// <summary>The text cut into runs that one typeface can draw, in order.</summary>
    public IEnumerable<(string Text, SKTypeface Typeface)> Runs(string text, SKTypeface primary)
    {
        var probe = primary == Bold ? _boldProbe : _regularProbe;
        var run = new StringBuilder();
        SKTypeface? current = null;
        foreach (var rune in text.EnumerateRunes())
        {
            var typeface = probe.ContainsGlyph(rune.Value) ? primary : Fallback(rune.Value) ?? primary;
            if (current is not null && typeface != current)
            {
                yield return (run.ToString(), current);
                run.Clear();
            }

            current = typeface;
            run.Append(rune.ToString());
        }

        if (current is not null)
        {
            yield return (run.ToString(), current);
        }
    }

    private SKTypeface? Fallback(int codePoint)
    {
        if (!_fallbacks.TryGetValue(codePoint, out var typeface))
        {
            typeface = SKFontManager.Default.MatchCharacter(codePoint);
            if (typeface is null)
            {
                return null;
            }

            _fallbacks[codePoint] = typeface;
        }

        return typeface;
    }

    private static SKTypeface Load(string file, SKFontStyle style)
    {
        var path = Path.Combine(Folder, file);
        return (File.Exists(path) ? SKTypeface.FromFile(path) : null)
            ?? SKFontManager.Default.MatchFamily("DejaVu Sans", style)
            ?? SKTypeface.Default;
    }

    public void Dispose()
    {
        _regularProbe.Dispose();
        _boldProbe.Dispose();
        Regular.Dispose();
        Bold.Dispose();
        foreach (var typeface in _fallbacks.Values.Distinct())
        {
            typeface.Dispose();
        }
    }
}
