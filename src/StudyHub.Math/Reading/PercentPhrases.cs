using System.Text.RegularExpressions;
using StudyHub.Math.Numbers;
using StudyHub.Math.Syntax;

namespace StudyHub.Math.Reading;

/// <summary>
/// Percent questions written in words ("60 is what percent of 80", "increase 40 by 15%",
/// "percentage change from 50 to 65"), read into the arithmetic they mean so the solver shows
/// the calculation as a step. Only whole phrases are recognised; anything else goes to the parser,
/// which refuses words it does not know.
/// </summary>
internal static partial class PercentPhrases
{
    public static Expression? TryRead(string text, int start, int end, out int position) => TryRead(text, start, end, out position, out _);

    /// <param name="answerIsPercent">True when the question asks for a percentage ("what percent", "percentage change"),
    /// so a student may answer 50 or 50% for the same thing.</param>
    public static Expression? TryRead(string text, int start, int end, out int position, out bool answerIsPercent)
    {
        position = start;
        answerIsPercent = false;
        var span = text[start..end];
        Match m;
        if ((m = IsWhatPercentOf().Match(span)).Success || (m = WhatPercentOfIs().Match(span)).Success || (m = ExpressAsPercentage().Match(span)).Success)
        {
            // m/n × 100: the part over the whole, as hundredths.
            answerIsPercent = true;
            return Build.Product(Build.Divide(Number(m, "m"), Number(m, "n")), Build.Number(new Rational(100)));
        }

        if ((m = IncreaseBy().Match(span)).Success)
        {
            var sign = m.Groups["verb"].Value.StartsWith("inc", StringComparison.OrdinalIgnoreCase) ? 1 : -1;
            var rate = Build.Divide(Number(m, "p"), Build.Number(new Rational(100)));
            return Build.Product(Number(m, "n"), new SumExpression([Build.Number(Rational.One), sign > 0 ? rate : new NegateExpression(rate)]));
        }

        if ((m = PercentageChange().Match(span)).Success)
        {
            // A "decrease" is reported as a positive size; a "change" keeps its sign.
            answerIsPercent = true;
            var from = Number(m, "a");
            var change = m.Groups["kind"].Value.Equals("decrease", StringComparison.OrdinalIgnoreCase)
                ? new SumExpression([from, new NegateExpression(Number(m, "b"))])
                : new SumExpression([Number(m, "b"), new NegateExpression(from)]);
            return Build.Product(Build.Divide(change, from), Build.Number(new Rational(100)));
        }

        if ((m = PercentWordOf().Match(span)).Success)
        {
            return Build.Product(Build.Divide(Number(m, "p"), Build.Number(new Rational(100))), Number(m, "n"));
        }

        return null;
    }

    private static NumberExpression Number(Match match, string group)
    {
        var text = match.Groups[group].Value.Replace(",", string.Empty, StringComparison.Ordinal);
        var negative = text.StartsWith('-');
        var value = Rational.ParseDecimal(negative ? text[1..] : text);
        return new NumberExpression(negative ? -value : value, text.Contains('.', StringComparison.Ordinal) ? NumberStyle.Decimal : NumberStyle.Integer, text.Contains('.', StringComparison.Ordinal) ? text.Length - text.IndexOf('.', StringComparison.Ordinal) - 1 : 0);
    }

    private const string Num = @"-?\d{1,15}(?:,\d{3})*(?:\.\d{1,15})?";

    [GeneratedRegex(@"^\s*(?:what\s+is\s+|find\s+)?(?<m>" + Num + @")\s+(?:is|as)\s+what\s+(?:percent|percentage|%)\s+of\s+(?<n>" + Num + @")\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IsWhatPercentOf();

    [GeneratedRegex(@"^\s*what\s+(?:percent|percentage|%)\s+of\s+(?<n>" + Num + @")\s+is\s+(?<m>" + Num + @")\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhatPercentOfIs();

    [GeneratedRegex(@"^\s*(?:express|write)\s+(?<m>" + Num + @")\s+as\s+a\s+(?:percentage|percent)\s+of\s+(?<n>" + Num + @")\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExpressAsPercentage();

    [GeneratedRegex(@"^\s*(?<verb>increase|decrease|reduce)\s+(?<n>" + Num + @")\s+by\s+(?<p>" + Num + @")\s*(?:%|percent)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IncreaseBy();

    [GeneratedRegex(@"^\s*(?:(?:find|what\s+is|calculate)\s+)?(?:the\s+)?percent(?:age)?\s+(?<kind>change|increase|decrease)\s+from\s+(?<a>" + Num + @")\s+to\s+(?<b>" + Num + @")\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PercentageChange();

    [GeneratedRegex(@"^\s*(?:what\s+is\s+|find\s+|calculate\s+)?(?<p>" + Num + @")\s*(?:percent|per\s+cent)\s+of\s+(?<n>" + Num + @")\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PercentWordOf();
}
