using System.Text.RegularExpressions;

namespace StudyHub.Math.Checking;

/// <summary>
/// Tidies what a student typed before the answer is parsed, without guessing: a full stop that ends
/// the sentence, "=&lt;"/"=&gt;" for ≤/≥, "x ∈ (3, ∞)", "50 percent", and a decimal comma where it
/// cannot be a list or a thousands separator. Every rewrite keeps the length where it can, so
/// positions in error messages still point into what the student wrote.
/// </summary>
internal static partial class AnswerText
{
    public static string Normalize(string answer)
    {
        var text = answer;
        // "x = 4." ends a sentence; "0.333..." and "0.3…" are repeating decimals and keep their dots.
        var end = text.Length;
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > 0 && text[end - 1] == '.' && !text.AsSpan(0, end).EndsWith("..."))
        {
            text = text[..(end - 1)] + " " + text[end..];
        }

        // Students write the two characters of ≤ in either order; "=<" can mean nothing else in an answer.
        text = text.Replace("=<", "<=", StringComparison.Ordinal).Replace("=>", ">=", StringComparison.Ordinal);
        text = PercentWord().Replace(text, m => "%" + new string(' ', m.Length - 1));
        var member = Membership().Match(text);
        if (member.Success)
        {
            text = new string(' ', member.Length) + text[member.Length..];
        }

        return text;
    }

    /// <summary>
    /// "4,5" as the whole answer is 4.5 when only one value is expected; "1,500" stays refused
    /// because it reads as fifteen hundred just as well as one and a half.
    /// </summary>
    public static string ReadDecimalComma(string answer, bool singleValueExpected)
    {
        var match = CommaNumber().Match(answer);
        if (!singleValueExpected || !match.Success)
        {
            return answer;
        }

        if (match.Groups["frac"].Length == 3)
        {
            throw new MathEngineException(ErrorCodes.Unsupported, $"'{match.Groups["num"].Value}' could be a decimal comma or a thousands separator: write it with a decimal point, or without the comma.", match.Groups["num"].Index + 1);
        }

        var comma = match.Groups["num"].Index + match.Groups["int"].Length;
        return answer[..comma] + "." + answer[(comma + 1)..];
    }

    [GeneratedRegex(@"\s*\b(?:percent|per\s+cent)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PercentWord();

    [GeneratedRegex(@"^\s*[a-zA-Z]\s*(?:∈|\bin\b|\bis\s+in\b)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Membership();

    [GeneratedRegex(@"^\s*(?:[a-zA-Z]\s*=\s*)?(?<num>[-−]?(?<int>\d+),(?<frac>\d+))\s*%?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex CommaNumber();
}
