using System.Numerics;
using StudyHub.Math.Algebra;
using StudyHub.Math.Checking;
using StudyHub.Math.Numbers;
using StudyHub.Math.Solving;
using StudyHub.Math.Syntax;

namespace StudyHub.Math.Teaching;

/// <summary>
/// Wrong answers for multiple choice, each produced by carrying out one real misconception on the
/// problem (not by random perturbation), so a student who picks one can be told what went wrong.
/// Every candidate is run through the answer checker and dropped if it would count as correct.
/// </summary>
internal static class DistractorGenerator
{
    public static List<Distractor> Generate(Solution solution, int count)
    {
        var candidates = new List<Distractor>();
        try
        {
            switch (solution.Problem.Kind)
            {
                case ProblemKind.LinearEquation or ProblemKind.LinearInequality:
                    Linear(solution, candidates);
                    break;
                case ProblemKind.QuadraticEquation or ProblemKind.PolynomialEquation:
                    Roots(solution, candidates);
                    break;
                case ProblemKind.Arithmetic or ProblemKind.Evaluate:
                    Arithmetic(solution, candidates);
                    break;
                case ProblemKind.Expand:
                    Expand(solution, candidates);
                    break;
                case ProblemKind.Factor:
                    Factor(solution, candidates);
                    break;
                case ProblemKind.Derivative:
                    Derivative(solution, candidates);
                    break;
                case ProblemKind.System:
                    SystemValues(solution, candidates);
                    break;
                case ProblemKind.SolveFor:
                    SolveFor(solution, candidates);
                    break;
                case ProblemKind.Simplify:
                    Simplify(solution, candidates);
                    break;
                case ProblemKind.QuadraticInequality:
                    QuadraticInequality(solution, candidates);
                    break;
                case ProblemKind.AbsoluteValueEquation:
                    AbsoluteValue(solution, candidates);
                    break;
                case ProblemKind.AbsoluteValueInequality:
                    AbsoluteValueInequality(solution, candidates);
                    break;
                case ProblemKind.LogarithmicEquation when solution.Steps.Any(s => s.Kind == StepKind.CombineLogarithms):
                    LogarithmLaws(solution, candidates);
                    break;
                case ProblemKind.ExponentialEquation or ProblemKind.LogarithmicEquation:
                    ExponentialOrLog(solution, candidates);
                    break;
            }
        }
        catch (MathEngineException e) when (e.Code is ErrorCodes.DivisionByZero or ErrorCodes.Unsupported)
        {
            // A misconception that divides by zero on this problem simply produces no distractor.
        }

        var accepted = new List<Distractor>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { Compact(solution.Answer) };
        foreach (var candidate in candidates)
        {
            if (accepted.Count == count || !seen.Add(Compact(candidate.Answer)))
            {
                continue;
            }

            var verdict = AnswerChecker.Check(solution, candidate.Answer);
            if (verdict.CountsAsCorrect || verdict.Reason == IncorrectReason.Unreadable)
            {
                continue;
            }

            // Distinct by meaning too: two spellings of the same wrong value would be the same option.
            if (accepted.Any(a => SameValue(a.Answer, candidate.Answer)))
            {
                continue;
            }

            accepted.Add(candidate);
        }

        return accepted;
    }

    private static bool SameValue(string a, string b)
    {
        try
        {
            var left = Parser.ParseStatements(a);
            var right = Parser.ParseStatements(b);
            if (left.Count != right.Count || left.Count != 1 || left[0].Operator != right[0].Operator)
            {
                return false;
            }

            var x = left[0].Right ?? left[0].Left;
            var y = right[0].Right ?? right[0].Left;
            var fx = AlgebraicReader.TryToFraction(x);
            var fy = AlgebraicReader.TryToFraction(y);
            return fx is not null && fy is not null && (fx.Numerator * fy.Denominator).Equals(fy.Numerator * fx.Denominator);
        }
        catch (MathEngineException)
        {
            return false;
        }
    }

    private static string Compact(string text) => text.Replace(" ", string.Empty, StringComparison.Ordinal);

    private static Distractor Make(string answer, Misconception misconception, string explanation) =>
        new() { Answer = answer, Misconception = misconception, Explanation = explanation };

    /// <summary>A solution set with two finite ends: between them (one interval) or outside them (two).</summary>
    private sealed record TwoEnds(string Variable, RealNumber Low, RealNumber High, bool Closed, bool Between)
    {
        public (string Lt, string Gt) Signs => Closed ? ("≤", "≥") : ("<", ">");

        public static TwoEnds? Of(Solution solution)
        {
            var ends = solution.IntervalSet.SelectMany(i => new[] { i.Lower, i.Upper }).OfType<RealNumber>().Distinct().Order().ToList();
            return ends.Count != 2 ? null : new TwoEnds(
                solution.Variable!, ends[0], ends[1],
                solution.IntervalSet.Any(i => (i.Lower is not null && i.LowerClosed) || (i.Upper is not null && i.UpperClosed)),
                solution.IntervalSet.Count == 1);
        }
    }

    private static void QuadraticInequality(Solution solution, List<Distractor> output)
    {
        if (TwoEnds.Of(solution) is not { } set)
        {
            return;
        }

        var (v, low, high, closed, between) = set;
        var (lt, gt) = set.Signs;
        var (openLt, openGt) = closed ? ("<", ">") : ("≤", "≥");
        output.Add(Make(between ? $"{v} {lt} {low} or {v} {gt} {high}" : $"{low} {lt} {v} {lt} {high}", Misconception.WrongSideOfCriticalValues,
            "Took the wrong region: a parabola that opens upwards is below zero between its roots and above zero outside them."));
        output.Add(Make(between ? $"{low} {openLt} {v} {openLt} {high}" : $"{v} {openLt} {low} or {v} {openGt} {high}", Misconception.WrongBoundary,
            "Changed whether the critical values are included: keep ≤/≥ or </> as in the problem."));
        output.Add(Make($"{v} = {low} or {v} = {high}", Misconception.GaveCriticalValuesOnly,
            "Gave the critical values where the quadratic is zero; the inequality asks for the whole range where it is negative or positive."));
        output.Add(Make(between ? $"{v} {lt} {high}" : $"{v} {gt} {high}", Misconception.WrongSideOfCriticalValues,
            "Kept only one of the two critical values, as if the inequality were linear."));
    }

    private static void AbsoluteValue(Solution solution, List<Distractor> output)
    {
        var v = solution.Variable!;
        if (solution.Values.Count == 2)
        {
            var (first, second) = (solution.Values[0], solution.Values[1]);
            var positive = solution.Steps.FirstOrDefault(s => s.Kind == StepKind.DivideBothSides)?.Expression ?? $"{v} = {second}";
            output.Add(Make(positive, Misconception.OnlyPositiveCase, "Solved only the case where the inside equals the right side; it can also equal its negative."));
            output.Add(Make($"{v} = {-first} or {v} = {-second}", Misconception.SignError, "The signs of both solutions are reversed."));
        }

        // |A| = -k: a student who drops the sign solves |A| = k.
        if (solution.Values.Count == 0 && AbsoluteValueSolver.Read(solution.Problem.Single, v) is { Other.IsConstant: true } shape && shape.Other.ConstantTerm.Sign < 0)
        {
            var negative = shape.Other.ConstantTerm;
            var a = shape.Inside.CoefficientOf(v, 1).ConstantTerm;
            var r1 = (-negative - shape.Inside.ConstantTerm) / a;
            var r2 = (negative - shape.Inside.ConstantTerm) / a;
            var (low, high) = r1 < r2 ? (r1, r2) : (r2, r1);
            output.Add(Make($"{v} = {low} or {v} = {high}", Misconception.IgnoredNegativeAbsoluteValue,
                "An absolute value is never negative, so it cannot equal a negative number: there is no solution."));
        }
    }

    private static void AbsoluteValueInequality(Solution solution, List<Distractor> output)
    {
        if (TwoEnds.Of(solution) is not { } set)
        {
            return;
        }

        var (v, low, high, _, between) = set;
        var (lt, gt) = set.Signs;
        output.Add(Make(between ? $"{v} {lt} {high}" : $"{v} {gt} {high}", Misconception.OnlyPositiveCase,
            "Dropped the bars and solved only the positive case; the inside can also be negative, which gives the other boundary."));
        output.Add(Make(between ? $"{v} {lt} {low} or {v} {gt} {high}" : $"{low} {lt} {v} {lt} {high}", Misconception.WrongSideOfCriticalValues,
            "Took the wrong region: |A| < k means A is within k of zero (between -k and k); |A| > k means further away (below -k or above k)."));
        output.Add(Make($"{v} = {low} or {v} = {high}", Misconception.GaveCriticalValuesOnly,
            "Gave only the boundary points where |A| equals k; the inequality asks for the whole range."));
    }

    /// <summary>The candidates the domain check rejected, kept: what a student who skips the check writes.</summary>
    private static void LogarithmLaws(Solution solution, List<Distractor> output)
    {
        var v = solution.Variable!;
        var rejected = solution.Steps.Where(s => s.Kind == StepKind.RejectCase && s.Operand is not null).Select(s => s.Operand!).ToList();
        if (rejected.Count == 0)
        {
            return;
        }

        var all = solution.Values.Select(r => r.ToString()).Concat(rejected).ToList();
        output.Add(Make(string.Join(" or ", all.Select(r => $"{v} = {r}")), Misconception.KeptExtraneousRoot,
            "Kept a value that makes a logarithm's argument zero or negative; the logarithm is not defined there, so check every candidate in the original equation."));
        if (solution.Values.Count > 0)
        {
            output.Add(Make(string.Join(" or ", rejected.Select(r => $"{v} = {r}")), Misconception.KeptExtraneousRoot,
                "Kept the value the domain check rules out and dropped the one that works."));
        }
    }

    private static void ExponentialOrLog(Solution solution, List<Distractor> output)
    {
        var v = solution.Variable!;
        var statement = solution.Problem.Single;
        var (power, number) = AlgebraicReader.HasVariables(statement.Left) ? (statement.Left, statement.Right!) : (statement.Right!, statement.Left);
        if (!AlgebraicReader.Evaluate(number).TryGetRational(out var c) || power is not (PowerExpression or FunctionExpression))
        {
            return;
        }

        switch (power)
        {
            case PowerExpression { Base: NumberExpression { Value: var b }, Exponent: VariableExpression }:
                output.Add(Make($"{v} = {c / b}", Misconception.MultipliedInsteadOfPower, $"Divided {c} by {b}; the exponent counts how many times {b} is multiplied by itself."));
                break;
            case FunctionExpression { Function: FunctionName.Log, Argument: VariableExpression } log:
                output.Add(Make($"{v} = {log.Base * c}", Misconception.MultipliedInsteadOfPower, $"Multiplied {log.Base} by {c}; log_b(x) = c means x = b^c."));
                if (c.IsInteger && c.Sign > 0 && c.Numerator < 20)
                {
                    output.Add(Make($"{v} = {c.Pow(log.Base.Numerator)}", Misconception.SwappedValues, $"Swapped the base and the exponent: log_b(x) = c means x = b^c, not c^b."));
                }

                break;
        }
    }

    private static void Linear(Solution solution, List<Distractor> output)
    {
        var v = solution.Variable!;
        var statement = solution.Problem.Single;
        var left = AlgebraicReader.ToFraction(statement.Left);
        var right = AlgebraicReader.ToFraction(statement.Right!);
        if (!left.IsPolynomial || !right.IsPolynomial)
        {
            return;
        }

        var a = (left.Numerator.CoefficientOf(v, 1) - right.Numerator.CoefficientOf(v, 1)).ConstantTerm;
        var b = left.Numerator.ConstantTerm;
        var c = right.Numerator.ConstantTerm;
        if (a.IsZero)
        {
            return;
        }

        var op = statement.Operator!.Value;
        var correctOp = a.Sign < 0 ? EquationSolver.Flip(op) : op;
        string Answer(RelationOperator relation, Rational value) => $"{v} {Statement.RelationText(relation)} {value}";
        var inequality = op != RelationOperator.Equal;
        var value = (c - b) / a;
        if (inequality && a.Sign < 0)
        {
            output.Add(Make(Answer(op, value), Misconception.ForgotToFlipInequality, $"Divided by {a} but did not flip the inequality sign; dividing by a negative number reverses it."));
        }

        if (!b.IsZero)
        {
            output.Add(Make(Answer(correctOp, (c + b) / a), Misconception.SignErrorMovingTerm, $"Moved {b} to the other side without changing its sign."));
            output.Add(Make(Answer(correctOp, (c / a) - b), Misconception.DividedOnlyOneTerm, $"Divided only some terms by {a}: every term on both sides must be divided."));
        }

        var rightX = right.Numerator.CoefficientOf(v, 1).ConstantTerm;
        if (!rightX.IsZero && !(a + (2 * rightX)).IsZero)
        {
            output.Add(Make(Answer(correctOp, (c - b) / (a + (2 * rightX))), Misconception.SignErrorMovingTerm, $"Moved {rightX}{v} to the left side without changing its sign."));
        }

        if (!(c - b).IsZero && !a.IsOne)
        {
            output.Add(Make(Answer(correctOp, a / (c - b)), Misconception.DividedTheWrongWay, $"Divided {a} by the number on the other side instead of dividing that number by {a}."));
        }

        if (inequality)
        {
            if (a.Sign > 0)
            {
                output.Add(Make(Answer(EquationSolver.Flip(op), value), Misconception.FlippedInequalityWithoutReason, "Flipped the inequality sign, but only multiplying or dividing by a negative number does that."));
            }

            output.Add(Make(Answer(Boundary(correctOp), value), Misconception.WrongBoundary, "Changed whether the boundary value is included: keep ≤/≥ or </> as in the problem."));
        }
        else if (!a.IsOne)
        {
            output.Add(Make(Answer(op, c - b - a), Misconception.DividedTheWrongWay, $"Subtracted {a} instead of dividing by it: {a}{v} means {a} times {v}."));
        }
    }

    private static RelationOperator Boundary(RelationOperator op) => op switch
    {
        RelationOperator.Less => RelationOperator.LessOrEqual,
        RelationOperator.LessOrEqual => RelationOperator.Less,
        RelationOperator.Greater => RelationOperator.GreaterOrEqual,
        _ => RelationOperator.Greater,
    };

    private static void Roots(Solution solution, List<Distractor> output)
    {
        var v = solution.Variable!;
        var roots = solution.Values;
        if (roots.Count == 0)
        {
            return;
        }

        string Format(IEnumerable<ExactNumber> values) => string.Join(" or ", values.Select(r => $"{v} = {r}"));
        var real = roots.All(r => r.IsReal);
        if (real && roots.Any(r => r.RealSign() < 0) && roots.Any(r => r.RealSign() > 0))
        {
            output.Add(Make(Format(roots.Where(r => r.RealSign() > 0)), Misconception.DroppedNegativeRoot, "Kept only the positive root; a square root (or a factor) gives a negative solution too."));
        }

        if (roots.Count > 1)
        {
            output.Add(Make(Format([roots[^1]]), Misconception.KeptOnlyOneRoot, "Stopped after one solution; a quadratic can have two."));
        }

        var negated = roots.Select(r => -r).ToList();
        if (negated.Any(n => !roots.Contains(n)))
        {
            output.Add(Make(Format(negated.OrderBy(r => r.RealPartDouble())), Misconception.SignErrorInFactors, $"Read the solutions off the factors with the wrong sign: ({v} - r) = 0 gives {v} = r, not -r."));
        }

        var usedFormula = solution.Steps.Any(s => s.Kind == StepKind.QuadraticFormula);
        if (usedFormula && roots.Count == 2 && real && TryQuadratic(solution, out var a, out var b, out _) && !(2 * a).IsOne)
        {
            // The formula with the 2a forgotten: -b ± √D instead of (-b ± √D)/(2a).
            var scale = (ExactNumber)(2 * a).Abs();
            output.Add(Make(Format(roots.Select(r => r * scale)), Misconception.ForgotToDivideByTwoA, "Forgot to divide the whole of -b ± √(b^2 - 4ac) by 2a."));
            _ = b;
        }
    }

    private static bool TryQuadratic(Solution solution, out Rational a, out Rational b, out Rational c)
    {
        var v = solution.Variable!;
        var difference = AlgebraicReader.ToFraction(Build.Sum(solution.Problem.Single.Left, new NegateExpression(solution.Problem.Single.Right!)));
        a = b = c = Rational.Zero;
        if (!difference.IsPolynomial)
        {
            return false;
        }

        var dense = difference.Numerator.ToDense(v);
        if (dense is not { Length: 3 })
        {
            return false;
        }

        (c, b, a) = (dense[0], dense[1], dense[2]);
        return true;
    }

    private static void Arithmetic(Solution solution, List<Distractor> output)
    {
        var expression = solution.Problem.Kind == ProblemKind.Evaluate
            ? ExpressionSolver.Substitute(solution.Problem.Single.Left, solution.Problem.Substitutions)
            : solution.Problem.Single.Left;
        if (expression is SumExpression sum && sum.Terms.All(t => !AlgebraicReader.HasVariables(t) && !AlgebraicReader.HasFunctions(t)))
        {
            var fractions = sum.Terms.Select(t => AlgebraicReader.Evaluate(t)).Where(t => t.IsRational).Select(t => t.RationalPart).ToList();
            if (fractions.Count == sum.Terms.Length && fractions.Select(f => f.Denominator).Distinct().Count() > 1)
            {
                var numerators = fractions.Aggregate(BigInteger.Zero, (acc, f) => acc + f.Numerator);
                var denominators = fractions.Aggregate(BigInteger.Zero, (acc, f) => acc + f.Denominator);
                output.Add(Make(new Rational(numerators, denominators).ToString(), Misconception.AddedNumeratorsAndDenominators, "Added the numerators and added the denominators; fractions need a common denominator first."));
                var lcd = fractions.Aggregate(BigInteger.One, (acc, f) => acc / BigInteger.GreatestCommonDivisor(acc, f.Denominator) * f.Denominator);
                output.Add(Make(new Rational(numerators, lcd).ToString(), Misconception.ScaledDenominatorsOnly, $"Changed the denominators to {lcd} but did not multiply the numerators by the same numbers."));
            }

            if (sum.Terms.Length == 2 && sum.Terms[1] is ProductExpression { Factors.Length: 2 } product
                && product.Factors.All(f => f is NumberExpression { Style: NumberStyle.Integer }))
            {
                // a + b × c worked left to right: (a + b) × c.
                var wrong = AlgebraicReader.Evaluate(Build.Product(Build.Sum(sum.Terms[0], product.Factors[0]), product.Factors[1]));
                output.Add(Make(wrong.ToString(), Misconception.OrderOfOperations, "Worked from left to right; multiplication comes before addition."));
            }
        }

        var percent = FindPercent(expression);
        if (percent is { } p && expression is ProductExpression percentProduct)
        {
            var rest = percentProduct.Factors.Where(f => f is not NumberExpression { Style: NumberStyle.Percent }).ToArray();
            if (rest.Length > 0)
            {
                var quantity = AlgebraicReader.Evaluate(Build.Product(rest));
                var whole = (ExactNumber)(p * 100);
                if (!whole.IsZero)
                {
                    output.Add(Make((quantity / whole).ToString(), Misconception.PercentAsDivision, $"Divided by {p * 100} instead of taking {p * 100} hundredths of the quantity."));
                }

                output.Add(Make((quantity * whole).ToString(), Misconception.ForgotToDivideBy100, "Multiplied by the percentage as if it were a whole number; p% means p/100."));
            }
        }

        if (expression is FunctionExpression { Function: FunctionName.Sqrt, Argument: NumberExpression { Value: { IsInteger: true } n } } && n.Sign > 0)
        {
            var (outside, inside) = NumberTheory.SplitSquare(n.Numerator);
            if (!outside.IsOne && !inside.IsOne)
            {
                output.Add(Make($"{outside * outside}√{inside}", Misconception.SquareFactorNotRooted, $"Took {outside * outside} out of the root without taking its square root."));
                output.Add(Make($"{inside}√{outside * outside}", Misconception.SquareFactorNotRooted, "Took the wrong factor out of the root: only a perfect square can come out, as its square root."));
            }
        }

        if (SameBasePowers(expression) is { } powers)
        {
            output.Add(Make(AlgebraicReader.Evaluate(new PowerExpression(powers.Base, Build.Number(powers.Product))).ToString(), Misconception.MultipliedExponentsInsteadOfAdding, "Multiplied the exponents; when multiplying powers of the same base, add them."));
        }

        if (solution.Values.Count == 1 && !solution.Values[0].IsZero)
        {
            output.Add(Make((-solution.Values[0]).ToString(), Misconception.SignError, "Got the sign wrong."));
        }
    }

    private static Rational? FindPercent(Expression expression) => expression switch
    {
        NumberExpression { Style: NumberStyle.Percent } n => n.Value,
        ProductExpression product => product.Factors.Select(FindPercent).FirstOrDefault(p => p is not null),
        _ => null,
    };

    /// <summary>x^a · x^b (same base, whole exponents): the base and a·b, for the "multiply the exponents" mistake.</summary>
    private static (Expression Base, Rational Product)? SameBasePowers(Expression expression)
    {
        if (expression is not ProductExpression product || product.Factors.Length < 2 || product.Factors.Any(f => f is not PowerExpression { Exponent: NumberExpression }))
        {
            return null;
        }

        var powers = product.Factors.Cast<PowerExpression>().ToList();
        var first = powers[0].Base.ToString();
        if (powers.Any(p => p.Base.ToString() != first))
        {
            return null;
        }

        var exponents = powers.Select(p => ((NumberExpression)p.Exponent).Value).ToList();
        var productOfExponents = exponents.Aggregate(Rational.One, (acc, e) => acc * e);
        var sumOfExponents = exponents.Aggregate(Rational.Zero, (acc, e) => acc + e);
        return productOfExponents == sumOfExponents ? null : (powers[0].Base, productOfExponents);
    }

    private static void Simplify(Solution solution, List<Distractor> output)
    {
        var expression = solution.Problem.Single.Left;
        if (SameBasePowers(expression) is { } powers)
        {
            var wrong = AlgebraicReader.ToFraction(new PowerExpression(powers.Base, Build.Number(powers.Product)));
            output.Add(Make(wrong.ToString(), Misconception.MultipliedExponentsInsteadOfAdding, "Multiplied the exponents; when multiplying powers of the same base, add them."));
        }

        var fraction = AlgebraicReader.TryToFraction(expression);
        if (fraction is { IsPolynomial: true } && ExpandWrong(expression, output))
        {
            return;
        }

        if (solution.Result is not null && AlgebraicReader.TryToFraction(solution.Result) is { IsPolynomial: true } result && result.Numerator.TermCount > 1)
        {
            var terms = result.Numerator.OrderedTerms().ToList();
            var flipped = result.Numerator - Polynomial.Term(terms[^1].Value * 2, terms[^1].Key);
            output.Add(Make(flipped.ToString(), Misconception.SignError, "Lost a minus sign while combining terms."));
        }
    }

    private static void Expand(Solution solution, List<Distractor> output)
    {
        ExpandWrong(solution.Problem.Single.Left, output);
        if (solution.Result is not null && AlgebraicReader.TryToFraction(solution.Result) is { IsPolynomial: true } result && result.Numerator.TermCount > 1)
        {
            var terms = result.Numerator.OrderedTerms().ToList();
            var middle = terms[terms.Count / 2];
            output.Add(Make((result.Numerator - Polynomial.Term(middle.Value * 2, middle.Key)).ToString(), Misconception.SignError, "Got the sign of a product wrong: a negative times a positive is negative."));
        }
    }

    /// <summary>The classic expansion mistakes on the problem's own brackets. Returns whether any applied.</summary>
    private static bool ExpandWrong(Expression expression, List<Distractor> output)
    {
        var before = output.Count;
        foreach (var part in expression is SumExpression sum ? sum.Terms : [expression])
        {
            switch (part)
            {
                case PowerExpression { Base: SumExpression inside, Exponent: NumberExpression { Value: var n } } when n.IsInteger && n.Numerator >= 2 && n.Numerator <= 6:
                    {
                        var wrong = AlgebraicReader.ToFraction(Build.Sum([.. inside.Terms.Select(t => (Expression)new PowerExpression(t, Build.Number(n)))])).Numerator;
                        output.Add(Make(Replace(expression, part, wrong), Misconception.SquaredEachTerm, $"Raised each term to the power {n}; (a + b)^{n} is not a^{n} + b^{n}, the cross terms are missing."));
                        break;
                    }

                case ProductExpression product when product.Factors.Length == 2:
                    {
                        var (p, q) = (product.Factors[0], product.Factors[1]);
                        if (p is SumExpression first && q is SumExpression second)
                        {
                            var wrong = AlgebraicReader.ToFraction(Build.Sum(Build.Product(first.Terms[0], second.Terms[0]), Build.Product(first.Terms[^1], second.Terms[^1]))).Numerator;
                            output.Add(Make(Replace(expression, part, wrong), Misconception.MultipliedOnlyMatchingTerms, "Multiplied only first by first and last by last; every term must multiply every term."));
                        }
                        else if (q is SumExpression bracket && p is not SumExpression || p is SumExpression && q is not SumExpression)
                        {
                            var (factor, terms) = q is SumExpression s ? (p, s) : (q, (SumExpression)p);
                            var wrong = AlgebraicReader.ToFraction(Build.Sum([Build.Product(factor, terms.Terms[0]), .. terms.Terms.Skip(1)])).Numerator;
                            output.Add(Make(Replace(expression, part, wrong), Misconception.DistributedToFirstTermOnly, $"Multiplied only the first term in the bracket by {factor}."));
                        }

                        break;
                    }
            }
        }

        return output.Count > before;
    }

    private static string Replace(Expression whole, Expression part, Polynomial replacement)
    {
        if (ReferenceEquals(whole, part))
        {
            return replacement.ToString();
        }

        var others = ((SumExpression)whole).Terms.Where(t => !ReferenceEquals(t, part)).Select(t => AlgebraicReader.ToFraction(t).Numerator);
        return others.Aggregate(replacement, (acc, t) => acc + t).ToString();
    }

    private static void Factor(Solution solution, List<Distractor> output)
    {
        var fraction = AlgebraicReader.ToFraction(solution.Problem.Single.Left);
        var polynomial = fraction.Numerator;
        var variables = polynomial.Variables();
        if (variables.Count == 1 && polynomial.Degree == 2)
        {
            var v = variables.Min!;
            var dense = polynomial.ToDense(v)!;
            var (c, b, a) = (dense[0], dense[1], dense[2]);
            if (a.IsOne && b.IsInteger && c.IsInteger)
            {
                var roots = Factorizer.RationalRoots(new UnivariatePolynomial(dense));
                string Brackets(Rational p, Rational q) => $"({Polynomial.Variable(v) + Polynomial.Constant(p)})({Polynomial.Variable(v) + Polynomial.Constant(q)})";
                if (roots.Count == 2 && !b.IsZero)
                {
                    output.Add(Make(Brackets(roots[0], roots[1]), Misconception.SignErrorInFactors, "Used the right numbers with the wrong signs; expand the brackets to check the middle term."));
                }

                if (b.IsZero && c.Sign < 0 && roots.Count == 2)
                {
                    output.Add(Make($"({Polynomial.Variable(v) - Polynomial.Constant(roots.Max())})^2", Misconception.SignErrorInFactors, "A difference of squares factors as (a - b)(a + b), not (a - b)^2."));
                }

                // Two numbers that multiply to c but do not add to b.
                var product = c.Numerator;
                for (BigInteger d = 1; d * d <= BigInteger.Abs(product) && d < 1000; d++)
                {
                    if (product % d != 0)
                    {
                        continue;
                    }

                    var e = product / d;
                    if (d + e != b.Numerator && -d - e != b.Numerator)
                    {
                        var sign = b.Sign < 0 ? -1 : 1;
                        output.Add(Make(Brackets(sign * d, sign * e), Misconception.WrongFactorPair, $"These numbers multiply to {c} but do not add to {b}."));
                        break;
                    }
                }
            }
        }

        var (content, common, primitive) = polynomial.Content();
        if (!content.IsOne || !common.IsOne)
        {
            var taken = Polynomial.Term(content, common);
            var terms = primitive.OrderedTerms().ToList();
            if (terms.Count > 1)
            {
                // Divided only the first term by the common factor.
                var wrongInside = Polynomial.Term(terms[0].Value, terms[0].Key) + polynomial.OrderedTerms().Skip(1).Aggregate(Polynomial.Zero, (acc, t) => acc + Polynomial.Term(t.Value, t.Key));
                output.Add(Make($"{taken}({wrongInside})", Misconception.DividedOnlyOneTerm, $"Took out {taken} but divided only the first term by it."));
            }
        }
    }

    private static void Derivative(Solution solution, List<Distractor> output)
    {
        var v = solution.Problem.TargetVariable ?? "x";
        var fraction = AlgebraicReader.TryToFraction(solution.Problem.Single.Left);
        if (fraction is not { IsPolynomial: true } || fraction.Numerator.Variables().Count > 1)
        {
            return;
        }

        var dense = fraction.Numerator.ToDense(v);
        if (dense is null || dense.Length < 2)
        {
            return;
        }

        var keptExponent = new Rational[dense.Length];
        var noCoefficient = new Rational[dense.Length];
        var correct = new Rational[dense.Length];
        for (var k = 0; k < dense.Length; k++)
        {
            keptExponent[k] = k * dense[k];
            noCoefficient[k] = k + 1 < dense.Length ? dense[k + 1] : Rational.Zero;
            correct[k] = k + 1 < dense.Length ? (k + 1) * dense[k + 1] : Rational.Zero;
        }

        output.Add(Make(Polynomial.FromDense(keptExponent, v).ToString(), Misconception.PowerRuleKeptExponent, $"Multiplied by the exponent but did not lower it: d/d{v} {v}^n = n·{v}^(n-1), not n·{v}^n."));
        output.Add(Make(Polynomial.FromDense(noCoefficient, v).ToString(), Misconception.PowerRuleForgotCoefficient, "Lowered the exponent but did not bring it down as a factor."));
        if (!dense[0].IsZero)
        {
            correct[0] += dense[0];
            output.Add(Make(Polynomial.FromDense(correct, v).ToString(), Misconception.ConstantDerivativeNotZero, "Kept the constant term; the derivative of a constant is 0."));
        }
    }

    private static void SystemValues(Solution solution, List<Distractor> output)
    {
        if (solution.SystemValues is not { Count: >= 2 } values)
        {
            return;
        }

        var names = values.Keys.Order(StringComparer.Ordinal).ToList();
        string Format(Func<string, ExactNumber> value) => string.Join(", ", names.Select(n => $"{n} = {value(n)}"));
        output.Add(Make(Format(n => values[names[(names.IndexOf(n) + 1) % names.Count]]), Misconception.SwappedValues, "Found the right numbers but matched them to the wrong unknowns."));
        var last = names[^1];
        if (!values[last].IsZero)
        {
            output.Add(Make(Format(n => n == last ? -values[n] : values[n]), Misconception.SignErrorMovingTerm, $"Made a sign error when eliminating, so {last} has the wrong sign."));
        }
    }

    private static void SolveFor(Solution solution, List<Distractor> output)
    {
        var v = solution.Variable!;
        var statement = solution.Problem.Single;
        var left = AlgebraicReader.ToFraction(statement.Left);
        var right = AlgebraicReader.ToFraction(statement.Right!);
        if (!left.IsPolynomial || !right.IsPolynomial)
        {
            return;
        }

        var difference = left.Numerator - right.Numerator;
        var coefficient = difference.CoefficientOf(v, 1);
        if (!coefficient.IsConstant || coefficient.IsZero)
        {
            return;
        }

        var k = coefficient.ConstantTerm;
        var rest = -difference.CoefficientOf(v, 0);
        var terms = rest.OrderedTerms().ToList();
        var variableTerms = terms.Where(t => !t.Key.Equals(Monomial.One)).ToList();
        if (variableTerms.Count > 0)
        {
            var flipped = rest - variableTerms.Aggregate(Polynomial.Zero, (acc, t) => acc + Polynomial.Term(2 * t.Value, t.Key));
            output.Add(Make($"{v} = {flipped.Scale(k.Reciprocal())}", Misconception.SignErrorMovingTerm, "Moved a term across the equals sign without changing its sign."));
        }

        if (terms.Count > 1 && !k.IsOne)
        {
            var onlyFirst = Polynomial.Term(terms[0].Value / k, terms[0].Key) + terms.Skip(1).Aggregate(Polynomial.Zero, (acc, t) => acc + Polynomial.Term(t.Value, t.Key));
            output.Add(Make($"{v} = {onlyFirst}", Misconception.DividedOnlyOneTerm, $"Divided only one term by {k}; the whole other side must be divided."));
        }

        if (!k.IsOne)
        {
            output.Add(Make($"{v} = {rest.Scale(k)}", Misconception.DividedTheWrongWay, $"Multiplied by {k} instead of dividing by it."));
        }
    }
}
