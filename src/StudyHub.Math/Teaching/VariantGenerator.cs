using System.Text;
using System.Text.RegularExpressions;
using StudyHub.Math.Algebra;
using StudyHub.Math.Numbers;
using StudyHub.Math.Solving;
using StudyHub.Math.Syntax;

namespace StudyHub.Math.Teaching;

/// <summary>
/// New problems of the same kind and difficulty. Equations whose clean answers are rare by chance
/// (linear, quadratic, systems) are built backwards from a chosen answer; everything else gets new
/// numbers of similar size. Every candidate is solved by the engine and kept only if it has the same
/// kind, the same solving method (step pattern) and an answer as clean as the original's.
/// </summary>
internal static partial class VariantGenerator
{
    private const int AttemptsPerVariant = 60;

    /// <summary>A seed that does not change between runs (string.GetHashCode does), so "no seed" is still reproducible.</summary>
    public static int StableSeed(string text)
    {
        var hash = 2_166_136_261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16_777_619u;
        }

        return (int)(hash & 0x7FFF_FFFF);
    }

    public static List<Variant> Generate(Solution original, int count, int seed)
    {
        var random = new Random(seed);
        var tried = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal) { Compact(original.Problem.Normalized) };
        var variants = new List<Variant>();
        var answerShape = AnswerSignature(original);
        var method = MethodSignature(original);

        // First pass demands the same method; if that is too rare for this problem, accept the same answer shape.
        foreach (var strict in new[] { true, false })
        {
            for (var attempt = 0; attempt < count * AttemptsPerVariant && variants.Count < count; attempt++)
            {
                var text = Candidate(original, random);
                if (text is null || !tried.Add(Compact(text)))
                {
                    continue;
                }

                Solution solved;
                try
                {
                    solved = MathEngine.SolveProblem(text);
                }
                catch (MathEngineException e) when (e.Code != ErrorCodes.Steps)
                {
                    continue;
                }

                if (solved.Problem.Kind != original.Problem.Kind || !seen.Add(Compact(solved.Problem.Normalized))
                    || AnswerSignature(solved) != answerShape || (strict && MethodSignature(solved) != method))
                {
                    continue;
                }

                variants.Add(new Variant { Problem = solved.Problem.Normalized, Kind = solved.Problem.Kind, Answer = solved.Answer, Steps = solved.Steps });
            }
        }

        return variants;
    }

    private static string Compact(string text) => Regex.Replace(text, @"\s+", string.Empty);

    private static string? Candidate(Solution original, Random random)
    {
        var problem = original.Problem;
        var plain = !problem.Original.Contains('(', StringComparison.Ordinal) && !problem.Original.Contains('/', StringComparison.Ordinal);
        return problem.Kind switch
        {
            ProblemKind.LinearEquation or ProblemKind.LinearInequality when plain => Linear(original, random),
            ProblemKind.QuadraticEquation => Quadratic(original, random),
            ProblemKind.System => SystemOf(original, random),
            _ => NewNumbers(problem.Original, random),
        };
    }

    /// <summary>a·x + b = c (or = d·x + e when the original had the unknown on both sides) with an integer answer.</summary>
    private static string? Linear(Solution original, Random random)
    {
        var v = original.Variable!;
        var statement = original.Problem.Single;
        var left = AlgebraicReader.ToFraction(statement.Left).Numerator;
        var right = AlgebraicReader.ToFraction(statement.Right!).Numerator;
        var bothSides = !left.CoefficientOf(v, 1).IsZero && !right.CoefficientOf(v, 1).IsZero;
        var netSign = (left.CoefficientOf(v, 1) - right.CoefficientOf(v, 1)).ConstantTerm.Sign;
        var x = NonZero(random, 9);
        var a = random.Next(2, 10) * (netSign < 0 && !bothSides ? -1 : 1);
        var b = left.ConstantTerm.IsZero ? 0 : NonZero(random, 15);
        var unknown = Polynomial.Variable(v);
        var lhs = unknown.Scale(a) + Polynomial.Constant(b);
        Polynomial rhs;
        if (bothSides)
        {
            var d = random.Next(1, 10) * (netSign < 0 ? 1 : -1) + a;
            if (d == 0 || d == a)
            {
                return null;
            }

            var e = ((a - d) * x) + b;
            rhs = unknown.Scale(d) + Polynomial.Constant(e);
        }
        else
        {
            rhs = Polynomial.Constant((a * x) + b);
        }

        return $"{lhs} {Statement.RelationText(statement.Operator!.Value)} {rhs}";
    }

    /// <summary>Keeps what made the original hard: integer roots, rational roots, irrational or complex roots, no x term.</summary>
    private static string? Quadratic(Solution original, Random random)
    {
        var v = original.Variable!;
        var roots = original.Values;
        var difference = AlgebraicReader.ToFraction(Build.Sum(original.Problem.Single.Left, new NegateExpression(original.Problem.Single.Right!))).Numerator;
        var noLinearTerm = difference.CoefficientOf(v, 1).IsZero;
        var noConstant = difference.ConstantTerm.IsZero;
        Polynomial p;
        if (roots.Count > 0 && roots.All(r => r.IsRational))
        {
            var r1 = NonZero(random, 9);
            var r2 = roots.Count == 1 ? r1 : noLinearTerm ? -r1 : noConstant ? 0 : NonZero(random, 9);
            var lead = difference.CoefficientOf(v, 2).ConstantTerm.Abs();
            var scale = lead.IsInteger && lead.Numerator <= 5 ? lead : Rational.One;
            p = ((Polynomial.Variable(v) - Polynomial.Constant(r1)) * (Polynomial.Variable(v) - Polynomial.Constant(r2))).Scale(scale);
        }
        else
        {
            var complex = roots.Any(r => !r.IsReal);
            var b = noLinearTerm ? 0 : NonZero(random, 9);
            var c = NonZero(random, 12);
            var discriminant = (b * b) - (4 * c);
            if (complex ? discriminant >= 0 : discriminant <= 0 || NumberTheory.TryExactRoot(discriminant, 2, out _))
            {
                return null;
            }

            p = Polynomial.FromDense([c, b, 1], v);
        }

        // "x^2 = 9" style originals keep the constant on the right.
        if (!original.Problem.Single.Right!.ToString().Equals("0", StringComparison.Ordinal) && noLinearTerm)
        {
            return $"{p - Polynomial.Constant(p.ConstantTerm)} = {-p.ConstantTerm}";
        }

        return $"{p} = 0";
    }

    /// <summary>A square system with an integer solution: pick the solution, then coefficients, then the right-hand sides.</summary>
    private static string? SystemOf(Solution original, Random random)
    {
        if (original.SystemValues is null)
        {
            return null;
        }

        var names = original.SystemValues.Keys.Order(StringComparer.Ordinal).ToList();
        var values = names.ToDictionary(n => n, _ => new Rational(random.Next(-9, 10)), StringComparer.Ordinal);
        var rows = new List<string>();
        foreach (var _ in original.Problem.Statements)
        {
            var left = Polynomial.Zero;
            var right = Rational.Zero;
            foreach (var name in names)
            {
                var coefficient = random.Next(-5, 6);
                left += Polynomial.Term(coefficient, Monomial.Of(name));
                right += coefficient * values[name];
            }

            if (left.IsZero)
            {
                return null;
            }

            rows.Add($"{left} = {right}");
        }

        return string.Join(", ", rows);
    }

    /// <summary>
    /// Replaces each number (not exponents) with one of similar size: 2–12 stay small, multiples of 5 or 10
    /// stay round, and a proper fraction stays a proper fraction in lowest terms with a similar denominator.
    /// </summary>
    private static string NewNumbers(string text, Random random)
    {
        var builder = new StringBuilder();
        var last = 0;
        foreach (Match match in NumberOrFraction().Matches(text))
        {
            builder.Append(text, last, match.Index - last);
            last = match.Index + match.Length;
            if (text[..match.Index].TrimEnd().EndsWith('^') || match.Length > 12)
            {
                builder.Append(match.Value);
                continue;
            }

            if (match.Groups["b"].Success)
            {
                var a = int.Parse(match.Groups["a"].Value, System.Globalization.CultureInfo.InvariantCulture);
                var b = int.Parse(match.Groups["b"].Value, System.Globalization.CultureInfo.InvariantCulture);
                var denominator = b <= 1 ? b : Similar(b, random);
                var numerator = a < b && denominator > 1 ? random.Next(1, denominator) : Similar(a, random);
                builder.Append(System.Numerics.BigInteger.GreatestCommonDivisor(numerator, denominator).IsOne || a >= b ? $"{numerator}/{denominator}" : $"1/{denominator}");
                continue;
            }

            // Under a root, small numbers rarely have a square factor: widen the range so √12 can become √45.
            var underRoot = text[..match.Index].TrimEnd().EndsWith('√') || text[..match.Index].TrimEnd().EndsWith("sqrt(", StringComparison.OrdinalIgnoreCase);
            builder.Append(underRoot ? random.Next(8, 100) : Similar(int.Parse(match.Value, System.Globalization.CultureInfo.InvariantCulture), random));
        }

        builder.Append(text, last, text.Length - last);
        return builder.ToString();
    }

    private static int Similar(int n, Random random) => n switch
    {
        0 or 1 => n,
        <= 12 => random.Next(2, 13),
        _ when n % 10 == 0 => 10 * random.Next(System.Math.Max(1, n / 20), (n / 5) + 1),
        _ when n % 5 == 0 => 5 * random.Next(System.Math.Max(1, n / 10), System.Math.Min(19, (2 * n / 5) + 1)),
        _ => random.Next(System.Math.Max(2, n / 2), (2 * n) + 1),
    };

    private static int NonZero(Random random, int limit)
    {
        var value = random.Next(1, limit + 1);
        return random.Next(2) == 0 ? value : -value;
    }

    /// <summary>How clean the answer is: integers stay integers, radicals stay radicals, factorable stays factorable.</summary>
    public static string AnswerSignature(Solution solution)
    {
        var values = solution.Values.Concat(solution.SystemValues?.Values ?? []).ToList();
        if (solution.Interval is { } interval)
        {
            values.AddRange(new[] { interval.Lower, interval.Upper }.Where(b => b is not null).Select(b => (ExactNumber)b!.Value));
        }

        var kinds = values.Select(v => !v.IsReal ? "complex" : !v.IsRational ? "radical" : v.RationalPart.IsInteger ? "integer" : v.RationalPart.Denominator <= 144 ? "fraction" : "messy");
        var text = solution.Answer;
        return string.Join(",", kinds) + $"|{values.Count}|{solution.Shape}|{text.Count(c => c == '(')}|{text.Contains('/', StringComparison.Ordinal)}|{text.Contains('√', StringComparison.Ordinal)}|{solution.Notes.Count}";
    }

    /// <summary>
    /// The solving method: the kind of every step, as the solver set it. Adding and subtracting count
    /// as the same move, and so do dividing with and without a sign flip, so a variant may have
    /// other signs than the original.
    /// </summary>
    public static string MethodSignature(Solution solution) => string.Join(";", solution.Steps.Select(s => s.Kind switch
    {
        StepKind.AddBothSides => StepKind.SubtractBothSides,
        StepKind.FlipInequality => StepKind.DivideBothSides,
        var kind => kind,
    }));

    [GeneratedRegex(@"(?<![\d.])(?:(?<a>\d{1,6})\s*/\s*(?<b>\d{1,6})(?![\d.])|\d+(?![\d.]))")]
    private static partial Regex NumberOrFraction();
}
