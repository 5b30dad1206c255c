using System.Globalization;
using System.Text;

namespace StudyHub.Server.Modules;

/// <summary>
/// Turns the engine's plain notation ("x = (5 ± √13)/2", "3x^(2) + 2", "x ≤ 5") into TeX for KaTeX
/// (pages emit it in a <c>math-tex</c> element). Every character TeX treats specially is escaped and
/// words become <c>\text{…}</c>, so whatever a student typed can only ever be shown, never run as a
/// TeX command.
/// </summary>
internal static class MathTex
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

    public static string FromEngine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tex = new StringBuilder(text.Length * 2);
        var i = 0;
        Convert(text, ref i, tex, stopAt: null);
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

            if (char.IsAsciiLetter(c))
            {
                var start = i;
                while (i < text.Length && char.IsAsciiLetter(text[i]))
                {
                    i++;
                }

                Word(text[start..i], tex);
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
}
