using System.Text;

namespace StudyHub.Kernel.Text;

/// <summary>
/// Turns the plain math StudyHub stores and the engine writes (<c>x^2-5x+6=0</c>, <c>3/4+5/6</c>,
/// <c>sqrt(2)*x &gt;= 1</c>) into TeX for the pages' KaTeX typesetting. It only rewrites notation;
/// a string it does not understand stays as it was, escaped, so nothing is ever lost or invented.
/// </summary>
public static class MathTex
{
    public static string FromPlain(string? plain)
    {
        if (string.IsNullOrEmpty(plain))
        {
            return "";
        }

        var tex = new StringBuilder(plain.Length * 2);
        for (var i = 0; i < plain.Length; i++)
        {
            var c = plain[i];
            if (StartsWith(plain, i, "sqrt(") && Closing(plain, i + 4) is var close and > 0)
            {
                tex.Append(@"\sqrt{").Append(FromPlain(plain[(i + 5)..close])).Append('}');
                i = close;
            }
            else if (StartsWith(plain, i, ">=") || StartsWith(plain, i, "<="))
            {
                tex.Append(c == '>' ? @"\ge " : @"\le ");
                i++;
            }
            else if (StartsWith(plain, i, "!="))
            {
                tex.Append(@"\ne ");
                i++;
            }
            else if (char.IsAsciiDigit(c) && NumericFraction(plain, i) is { } fraction)
            {
                tex.Append(@"\frac{").Append(fraction.Numerator).Append("}{").Append(fraction.Denominator).Append('}');
                i = fraction.End - 1;
            }
            else
            {
                tex.Append(c switch
                {
                    '*' or '×' or '·' => @"\cdot ",
                    '÷' => @"\div ",
                    '≤' => @"\le ",
                    '≥' => @"\ge ",
                    '√' => @"\surd ",
                    'π' => @"\pi ",
                    '\\' => @"\backslash ",
                    '{' or '}' or '$' or '&' or '#' or '%' or '_' => "\\" + c,
                    '~' => @"\sim ",
                    _ => c.ToString(),
                });
            }
        }

        return tex.ToString();
    }

    private static bool StartsWith(string text, int at, string prefix) => string.CompareOrdinal(text, at, prefix, 0, prefix.Length) == 0;

    /// <summary>The index of the parenthesis closing the one at <paramref name="open"/>, or -1.</summary>
    private static int Closing(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>"3/4" of whole numbers, not inside a longer term ("x/4" and "2.5/3" stay as written).</summary>
    private static (string Numerator, string Denominator, int End)? NumericFraction(string text, int start)
    {
        if (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] is '.' or '^' or ')'))
        {
            return null;
        }

        var slash = start;
        while (slash < text.Length && char.IsAsciiDigit(text[slash]))
        {
            slash++;
        }

        if (slash >= text.Length || text[slash] != '/')
        {
            return null;
        }

        var end = slash + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        if (end == slash + 1 || (end < text.Length && (char.IsAsciiLetter(text[end]) || text[end] is '.' or '^' or '(')))
        {
            return null;
        }

        return (text[start..slash], text[(slash + 1)..end], end);
    }
}
