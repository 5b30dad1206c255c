using System.Text.RegularExpressions;

namespace StudyHub.Content.Problems;

/// <summary>The repaired text and how many OCR confusions were fixed (each lowers the problem's confidence).</summary>
internal sealed record RepairedMath(string Text, int Repairs);

/// <summary>
/// Fixes the confusions tesseract makes in printed math, only where the context leaves no doubt:
/// dashes for minus, superscripts and "x2" for powers, l/I/| and O/o inside numbers, × and x swapped.
/// Prose is left alone; the caller only repairs lines that look like math.
/// </summary>
internal static partial class MathOcrRepair
{
    public static RepairedMath Repair(string text)
    {
        var repairs = 0;
        var result = text;

        result = Apply(result, Dashes(), "-", ref repairs);
        result = Apply(result, Superscript2(), "^2", ref repairs);
        result = Apply(result, Superscript3(), "^3", ref repairs);
        // "1l", "l2", "3I", "|5": a lone l, I or | touching a digit is a one.
        result = Apply(result, OneInNumber(), "1", ref repairs);
        // "2x + l = 9": in math a letter l standing alone is a one (nobody names a variable l on a worksheet).
        result = Apply(result, LoneL(), "1", ref repairs);
        // "1O", "O.5", "2o": an O touching a digit (or a decimal point before one) is a zero.
        result = Apply(result, ZeroInNumber(), "0", ref repairs);
        // "3 x 4" between two numbers is a times sign; "2× + 3" (× with no number after it) is the variable x.
        result = Apply(result, SpacedTimes(), "$1 × $2", ref repairs);
        result = Apply(result, DecimalTimes(), "$1 × $2", ref repairs);
        result = Apply(result, TimesAsVariable(), "x", ref repairs);
        // "x2 + 5x + 6": a single-letter variable followed straight by 2 or 3 lost its superscript.
        result = Apply(result, LostExponent(), "$1^$2", ref repairs);
        // Tesseract reads a superscript 2 it cannot place as "?" or "*": "x? - 5x", "x*-8x" are x squared when an
        // operator follows (a times sign is never followed straight by another operator on a worksheet).
        result = Apply(result, QuestionSquare(), "$1^2", ref repairs);

        return new RepairedMath(result, repairs);
    }

    private static string Apply(string text, Regex pattern, string replacement, ref int repairs)
    {
        var count = pattern.Count(text);
        if (count == 0)
        {
            return text;
        }

        repairs += count;
        return pattern.Replace(text, replacement);
    }

    [GeneratedRegex("[—–−‐‑]")]
    private static partial Regex Dashes();

    [GeneratedRegex("²")]
    private static partial Regex Superscript2();

    [GeneratedRegex("³")]
    private static partial Regex Superscript3();

    [GeneratedRegex(@"(?<=\d)[lI|](?![A-Za-z])|(?<![A-Za-z])[lI|](?=\d)")]
    private static partial Regex OneInNumber();

    [GeneratedRegex(@"(?<![A-Za-z])l(?![A-Za-z])")]
    private static partial Regex LoneL();

    [GeneratedRegex(@"(?<=\d)[Oo](?![A-Za-z])|(?<![A-Za-z])[Oo](?=\.?\d)")]
    private static partial Regex ZeroInNumber();

    [GeneratedRegex(@"(\d) [xX] (\d)")]
    private static partial Regex SpacedTimes();

    [GeneratedRegex(@"(\d\.\d+) ?[xX] ?(\d)")]
    private static partial Regex DecimalTimes();

    [GeneratedRegex(@"(?<![A-Za-z])([a-z])[?*](?=\s*[-+=])")]
    private static partial Regex QuestionSquare();

    [GeneratedRegex(@"(?<=\d)×(?=\s*(?:[-+=<>)]|$))")]
    private static partial Regex TimesAsVariable();

    [GeneratedRegex(@"(?<![A-Za-z^])([a-z])([23])(?![\d.,/A-Za-z])")]
    private static partial Regex LostExponent();
}
