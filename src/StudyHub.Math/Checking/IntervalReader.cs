using System.Text.RegularExpressions;
using StudyHub.Math.Algebra;
using StudyHub.Math.Numbers;
using StudyHub.Math.Solving;
using StudyHub.Math.Syntax;

namespace StudyHub.Math.Checking;

/// <summary>
/// Reads a student's solution set of an inequality in any of the forms textbooks use, into disjoint
/// intervals in order: "x &gt; 3", "3 &lt; x", "(3, ∞)", "-2 &lt; x ≤ 4", "[-2, 4]", "x &lt; -2 or x &gt; 4",
/// "(-∞, -2) ∪ (4, ∞)", "x ≠ 3", "x = 3", "{3}". Null when the text is none of these.
/// </summary>
internal static partial class IntervalReader
{
    public static List<SolutionInterval>? Read(string answer, string variable, Vocabulary vocabulary)
    {
        var pieces = Union().Split(answer.Trim());
        var intervals = new List<SolutionInterval>();
        foreach (var piece in pieces)
        {
            // "x > -2 and x < 4": both conditions hold, so the parts intersect.
            List<SolutionInterval>? read = null;
            foreach (var condition in Intersection().Split(piece))
            {
                var part = ReadPiece(condition.Trim(), variable, vocabulary);
                if (part is null)
                {
                    return null;
                }

                read = read is null ? part : [.. read.SelectMany(a => part.Select(b => Intersect(a, b)))];
            }

            intervals.AddRange(read!);
        }

        return Canonical(intervals);
    }

    private static SolutionInterval Intersect(SolutionInterval a, SolutionInterval b)
    {
        var (lower, lowerClosed) = a.Lower is null ? (b.Lower, b.LowerClosed) : b.Lower is null ? (a.Lower, a.LowerClosed)
            : a.Lower > b.Lower ? (a.Lower, a.LowerClosed) : b.Lower > a.Lower ? (b.Lower, b.LowerClosed) : (a.Lower, a.LowerClosed && b.LowerClosed);
        var (upper, upperClosed) = a.Upper is null ? (b.Upper, b.UpperClosed) : b.Upper is null ? (a.Upper, a.UpperClosed)
            : a.Upper < b.Upper ? (a.Upper, a.UpperClosed) : b.Upper < a.Upper ? (b.Upper, b.UpperClosed) : (a.Upper, a.UpperClosed && b.UpperClosed);
        return new SolutionInterval(a.Variable, lower, lowerClosed, upper, upperClosed);
    }

    /// <summary>Sorted, empty parts dropped, overlapping or touching parts merged: equal sets compare equal.</summary>
    public static List<SolutionInterval> Canonical(IEnumerable<SolutionInterval> intervals)
    {
        var sorted = intervals.Where(i => !IsEmpty(i))
            .OrderBy(i => i.Lower is null ? 0 : 1).ThenBy(i => i.Lower ?? Rational.Zero).ThenBy(i => i.LowerClosed ? 0 : 1).ToList();
        var merged = new List<SolutionInterval>();
        foreach (var next in sorted)
        {
            if (merged.Count > 0 && Touches(merged[^1], next))
            {
                var last = merged[^1];
                var (upper, upperClosed) = last.Upper is null || (next.Upper is not null && (next.Upper < last.Upper || (next.Upper == last.Upper && !next.UpperClosed)))
                    ? (last.Upper, last.UpperClosed || (next.Upper == last.Upper && next.UpperClosed))
                    : (next.Upper, next.UpperClosed || (next.Upper == last.Upper && last.UpperClosed));
                merged[^1] = last with { Upper = upper, UpperClosed = upper is not null && upperClosed };
            }
            else
            {
                merged.Add(next);
            }
        }

        return merged;
    }

    private static bool IsEmpty(SolutionInterval i) =>
        i.Lower is { } lo && i.Upper is { } hi && (lo > hi || (lo == hi && !(i.LowerClosed && i.UpperClosed)));

    private static bool Touches(SolutionInterval left, SolutionInterval right) =>
        left.Upper is null || right.Lower is null || right.Lower < left.Upper || (right.Lower == left.Upper && (left.UpperClosed || right.LowerClosed));

    private static List<SolutionInterval>? ReadPiece(string piece, string v, Vocabulary vocabulary)
    {
        var point = PointSet().Match(piece);
        if (point.Success)
        {
            var value = Bound(point.Groups["p"].Value, vocabulary);
            return [new SolutionInterval(v, value, true, value, true)];
        }

        var match = IntervalNotation().Match(piece);
        if (match.Success)
        {
            var left = match.Groups["a"].Value;
            var right = match.Groups["b"].Value;
            var lower = IsInfinite(left, negative: true) ? (RealNumber?)null : Bound(left, vocabulary);
            var upper = IsInfinite(right, negative: false) ? (RealNumber?)null : Bound(right, vocabulary);
            return [new SolutionInterval(v, lower, lower is not null && match.Groups["open"].Value == "[", upper, upper is not null && match.Groups["close"].Value == "]")];
        }

        var parts = Relation().Split(piece);
        if (parts.Length == 3)
        {
            var (op, bound, flipped) = parts[0].Trim() == v ? (parts[1], parts[2], false) : parts[2].Trim() == v ? (parts[1], parts[0], true) : (null, null, false);
            if (op is null)
            {
                return null;
            }

            var value = Bound(bound!, vocabulary);
            return Normalize(op, flipped) switch
            {
                "<" => [new SolutionInterval(v, null, false, value, false)],
                "≤" => [new SolutionInterval(v, null, false, value, true)],
                ">" => [new SolutionInterval(v, value, false, null, false)],
                "≥" => [new SolutionInterval(v, value, true, null, false)],
                "=" => [new SolutionInterval(v, value, true, value, true)],
                "≠" => [new SolutionInterval(v, null, false, value, false), new SolutionInterval(v, value, false, null, false)],
                _ => null,
            };
        }

        if (parts.Length == 5 && parts[2].Trim() == v)
        {
            var (first, second) = (Normalize(parts[1], false), Normalize(parts[3], false));
            var a = Bound(parts[0], vocabulary);
            var b = Bound(parts[4], vocabulary);
            if (first is "<" or "≤" && second is "<" or "≤")
            {
                return [new SolutionInterval(v, a, first == "≤", b, second == "≤")];
            }

            if (first is ">" or "≥" && second is ">" or "≥")
            {
                return [new SolutionInterval(v, b, second == "≥", a, first == "≥")];
            }
        }

        return null;
    }

    private static string Normalize(string op, bool flipped)
    {
        var symbol = op.Trim() switch
        {
            "<=" => "≤",
            ">=" => "≥",
            "!=" or "=/=" => "≠",
            var s => s,
        };
        return !flipped ? symbol : symbol switch
        {
            "<" => ">",
            ">" => "<",
            "≤" => "≥",
            "≥" => "≤",
            var s => s,
        };
    }

    private static bool IsInfinite(string text, bool negative)
    {
        var t = text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace('−', '-').ToLowerInvariant();
        return negative ? t is "-∞" or "-inf" or "-infinity" : t is "∞" or "+∞" or "inf" or "+inf" or "infinity";
    }

    private static RealNumber Bound(string text, Vocabulary vocabulary)
    {
        var statements = Parser.ParseStatements(text, vocabulary: vocabulary);
        if (statements is not [{ Operator: null, Left: var expression }] || AlgebraicReader.HasVariables(expression))
        {
            throw new MathEngineException(ErrorCodes.Unsupported, $"Expected a number as the boundary, found '{text.Trim()}'.");
        }

        // Exact ends, radicals included (x < -√2); a decimal is read as the decimal it is.
        var value = AlgebraicReader.Evaluate(expression);
        return value.IsReal ? new RealNumber(value) : throw new MathEngineException(ErrorCodes.Unsupported, "The boundary must be a real number.");
    }

    [GeneratedRegex(@"\s*(?:∪|\bU\b|\b[oO][rR]\b)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Union();

    [GeneratedRegex(@"\s*(?:∩|\b[aA][nN][dD]\b)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Intersection();

    [GeneratedRegex(@"^\{\s*(?<p>[^,{}]+?)\s*\}$", RegexOptions.CultureInvariant)]
    private static partial Regex PointSet();

    [GeneratedRegex(@"^(?<open>[\(\[])\s*(?<a>[^,]+?)\s*,\s*(?<b>[^,]+?)\s*(?<close>[\)\]])$", RegexOptions.CultureInvariant)]
    private static partial Regex IntervalNotation();

    [GeneratedRegex(@"(<=|>=|!=|=/=|≤|≥|≠|<|>|=)", RegexOptions.CultureInvariant)]
    private static partial Regex Relation();
}
