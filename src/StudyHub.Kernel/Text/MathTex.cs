using System.Globalization;
using System.Text;

namespace StudyHub.Kernel.Text;

/// <summary>
/// Turns the plain math StudyHub stores and the engine writes (<c>x = (5 ± √13)/2</c>,
/// <c>3x^(2) + 2</c>, <c>3/4+5/6</c>, <c>sqrt(2)*x &gt;= 1</c>) into TeX for the pages' KaTeX
/// typesetting (a <c>math-tex</c> element). Every character TeX treats specially is escaped and
/// words become <c>\text{…}</c>, so whatever a student typed can only ever be shown, never run as
/// a TeX command; notation it does not know is shown as written, never dropped or invented.
/// </summary>
public static class MathTex
{
    private static readonly HashSet<string> Functions = new(StringComparer.Ordinal)
    {
        "sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "ln", "log", "exp", "min", "max",
    };

    private static readonly Dictionary<char, string> Symbols = new()
    {
        ['±'] = @"\pm ", ['∓'] = @"\mp ", ['≤'] = @"\le ", ['≥'] = @"\ge ", ['≠'] = @"\ne ", ['≈'] = @"\approx ",
        ['×'] = @"\times ", ['·'] = @"\cdot ", ['*'] = @"\cdot ", ['÷'] = @"\div ", ['−'] = "-", ['π'] = @"\pi ",
        ['∞'] = @"\infty ", ['→'] = @"\to ", ['⇒'] = @"\Rightarrow ", ['∪'] = @"\cup ", ['∩'] = @"\cap ", ['∈'] = @"\in ",
        ['…'] = @"\ldots ", ['°'] = @"^{\circ}", ['′'] = "'", ['θ'] = @"\theta ", ['α'] = @"\alpha ", ['β'] = @"\beta ",
        ['{'] = @"\{", ['}'] = @"\}", ['#'] = @"\#", ['$'] = @"\$", ['%'] = @"\%", ['&'] = @"\&", ['_'] = @"\_",
        ['~'] = @"\sim ", ['\\'] = @"\backslash ",
    };

    private static readonly (string Plain, string Tex)[] Digraphs = [(">=", @"\ge "), ("<=", @"\le "), ("!=", @"\ne ")];

    public static string FromPlain(string? plain)
    {
        if (string.IsNullOrEmpty(plain))
        {
            return "";
        }

        var tex = new StringBuilder(plain.Length * 2);
        var i = 0;
        Convert(plain, ref i, tex, stopAt: null);
        return tex.ToString();
    }

    /// <summary>Converts from <paramref name="i"/> until <paramref name="stopAt"/> (a closing parenthesis) or the end.</summary>
    private static void Convert(string text, ref int i, StringBuilder tex, char? stopAt)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (c == stopAt)
            {
                return;
            }

            switch (c)
            {
                case '^' or '√' or '∛':
                    i++;
                    tex.Append(c switch { '^' => "^{", '√' => @"\sqrt{", _ => @"\sqrt[3]{" });
                    Operand(text, ref i, tex);
                    tex.Append('}');
                    continue;
                case '(':
                    i++;
                    tex.Append('(');
                    Convert(text, ref i, tex, ')');
                    if (i < text.Length)
                    {
                        tex.Append(')');
                        i++;
                    }

                    continue;
            }

            if (DigraphAt(text, i) is { } digraph)
            {
                tex.Append(digraph);
                i += 2;
                continue;
            }

            if (char.IsAsciiDigit(c) && NumericFraction(text, i) is { } fraction)
            {
                tex.Append(@"\frac{").Append(fraction.Numerator).Append("}{").Append(fraction.Denominator).Append('}');
                i = fraction.End;
                continue;
            }

            if (char.IsAsciiLetter(c))
            {
                var start = i;
                while (i < text.Length && char.IsAsciiLetter(text[i]))
                {
                    i++;
                }

                var word = text[start..i];
                if (word == "sqrt" && i < text.Length && text[i] == '(')
                {
                    // sqrt(…) is how students and imported files write √(…).
                    tex.Append(@"\sqrt{");
                    Operand(text, ref i, tex);
                    tex.Append('}');
                    continue;
                }

                Word(word, tex);
                continue;
            }

            i++;
            if (Symbols.TryGetValue(c, out var symbol))
            {
                tex.Append(symbol);
            }
            else if (char.IsAsciiDigit(c) || " +-=<>()[]|!/.,:;'?".Contains(c, StringComparison.Ordinal))
            {
                tex.Append(c);
            }
            else if (char.IsSurrogate(c) || char.IsControl(c))
            {
                // Emoji halves and control characters have no place in a formula.
            }
            else
            {
                tex.Append(@"\text{").Append(c).Append('}');
            }
        }
    }

    /// <summary>The operand of ^ or √: a parenthesised group (its parentheses dropped), a signed number, or a word.</summary>
    private static void Operand(string text, ref int i, StringBuilder tex)
    {
        if (i >= text.Length)
        {
            return;
        }

        if (text[i] == '(')
        {
            i++;
            Convert(text, ref i, tex, ')');
            if (i < text.Length)
            {
                i++;
            }

            return;
        }

        var start = i;
        if (text[i] == '-')
        {
            i++;
        }

        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
        {
            i++;
        }

        if (i == start || (i == start + 1 && text[start] == '-'))
        {
            while (i < text.Length && char.IsAsciiLetter(text[i]))
            {
                i++;
            }
        }

        var operand = text[start..i];
        if (operand.Length == 0 && i < text.Length)
        {
            operand = text[i].ToString(CultureInfo.InvariantCulture);
            i++;
        }

        var inner = 0;
        Convert(operand, ref inner, tex, stopAt: null);
    }

    private static void Word(string word, StringBuilder tex)
    {
        if (Functions.Contains(word))
        {
            tex.Append('\\').Append(word).Append(' ');
        }
        else if (word.Length == 1 || word is "xy" or "xyz" or "ab" or "abc")
        {
            // Single letters (and the products the engine reads as such) are variables.
            tex.Append(word);
        }
        else
        {
            tex.Append(@"\text{ ").Append(word).Append(" }");
        }
    }

    private static string? DigraphAt(string text, int at)
    {
        foreach (var (plain, tex) in Digraphs)
        {
            if (StartsWith(text, at, plain))
            {
                return tex;
            }
        }

        return null;
    }

    private static bool StartsWith(string text, int at, string prefix) => string.CompareOrdinal(text, at, prefix, 0, prefix.Length) == 0;

    /// <summary>"3/4" of whole numbers, not inside a longer term ("x/4", "2.5/3" and "(1+2)/3" stay as written).</summary>
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
