using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using StudyHub.Math.Numbers;
using StudyHub.Math.Solving;

namespace StudyHub.Math.Teaching;

/// <summary>
/// The last check before a hint leaves the engine: a hint must not give the answer away. Numbers
/// in the hint are compared exactly with every answer value (exact and decimal); numbers that
/// already stand in the problem are allowed, because repeating the problem tells nothing.
/// </summary>
internal static partial class HintLeakGuard
{
    public static bool Leaks(string hint, Solution solution) =>
        Leaks(hint, solution.Problem.Original, AnswerTexts(solution), AnswerValues(solution));

    /// <summary>Core rule, separate from <see cref="Solution"/> so it can be tested with hand-made leaking candidates.</summary>
    public static bool Leaks(string hint, string problem, IReadOnlyList<string> answers, IReadOnlyList<Rational> exactValues)
    {
        var compactHint = Compact(hint);
        foreach (var answer in answers)
        {
            // The whole answer ("x = 4", "(x + 3)(x + 4)", "no solution") must never appear verbatim.
            var compactAnswer = Compact(answer);
            if (compactAnswer.Length > 0 && compactHint.Contains(compactAnswer, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        var forbidden = new HashSet<Rational>(exactValues.Select(v => v.Abs()));
        foreach (var answer in answers)
        {
            forbidden.UnionWith(Numbers(answer, includeFractionParts: false));
        }

        // "x = 4" is a leak even when 4 happens to stand in the problem (only for the answer's own letters:
        // "b = -5" in a quadratic-formula hint is the problem's coefficient, not an answer).
        var unknowns = answers.SelectMany(a => AnswerStatement().Matches(a).Select(m => m.Groups["v"].Value)).ToHashSet(StringComparer.Ordinal);
        foreach (Match statement in AnswerStatement().Matches(hint))
        {
            if (unknowns.Contains(statement.Groups["v"].Value) && Numbers(statement.Groups["n"].Value, includeFractionParts: false).Any(forbidden.Contains))
            {
                return true;
            }
        }

        var allowed = Numbers(problem, includeFractionParts: true);
        return Numbers(hint, includeFractionParts: true).Any(n => forbidden.Contains(n) && !allowed.Contains(n));
    }

    public static IReadOnlyList<string> AnswerTexts(Solution solution) =>
        [solution.Answer, .. solution.ExactAnswers, .. solution.DecimalAnswers];

    public static IReadOnlyList<Rational> AnswerValues(Solution solution)
    {
        var values = new List<Rational>();
        foreach (var value in solution.Values.Concat(solution.SystemValues?.Values ?? []))
        {
            if (value.TryGetRational(out var r))
            {
                values.Add(r);
            }
        }

        if (solution.Interval is { } interval)
        {
            values.AddRange(new[] { interval.Lower, interval.Upper }.Where(b => b is { IsRational: true }).Select(b => b!.Value.Value.RationalPart));
        }

        return values;
    }

    /// <summary>Unsigned numbers in a text: "3", "0.15", and "3/4" (as 3/4, plus 3 and 4 when asked).</summary>
    public static HashSet<Rational> Numbers(string text, bool includeFractionParts)
    {
        var found = new HashSet<Rational>();
        foreach (Match match in NumberToken().Matches(text))
        {
            if (!TryParseNumber(match.Groups["a"].Value, out var a))
            {
                continue;
            }

            if (match.Groups["b"].Success && TryParseNumber(match.Groups["b"].Value, out var b) && !b.IsZero)
            {
                found.Add(a / b);
                if (!includeFractionParts)
                {
                    continue;
                }

                found.Add(b);
            }

            found.Add(a);
        }

        return found;
    }

    private static bool TryParseNumber(string text, out Rational value)
    {
        value = Rational.Zero;
        if (text.Length == 0 || text.Length > 60)
        {
            return false;
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            value = BigInteger.Parse(text, CultureInfo.InvariantCulture);
            return true;
        }

        var digits = text.Remove(dot, 1);
        value = new Rational(BigInteger.Parse(digits, CultureInfo.InvariantCulture), BigInteger.Pow(10, text.Length - dot - 1));
        return true;
    }

    private static string Compact(string text) => WhiteSpace().Replace(text, string.Empty).Replace('−', '-');

    [GeneratedRegex(@"(?<a>\d+(?:\.\d+)?)(?:\s*/\s*(?<b>\d+(?:\.\d+)?))?", RegexOptions.CultureInvariant)]
    private static partial Regex NumberToken();

    [GeneratedRegex(@"(?<![a-zA-Z])(?<v>[a-zA-Z])\s*(?:=|≈|≤|≥|<|>)\s*[-−]?\s*\(?(?<n>\d+(?:\.\d+)?(?:\s*/\s*\d+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex AnswerStatement();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
