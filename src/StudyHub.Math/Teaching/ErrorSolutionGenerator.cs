using System.Numerics;
using StudyHub.Math.Algebra;
using StudyHub.Math.Numbers;
using StudyHub.Math.Solving;
using StudyHub.Math.Syntax;

namespace StudyHub.Math.Teaching;

/// <summary>
/// "Identify the error" exercises: the solution is worked again from scratch with one move done the
/// way a student with a given misconception would do it, and every later move done correctly on
/// that wrong line, so exactly one step breaks equivalence and the rest look convincing.
/// </summary>
internal static class ErrorSolutionGenerator
{
    private sealed record Attempt(List<WorkedStep> Steps, int WrongIndex, Misconception Misconception, string Explanation, string Answer);

    public static ErrorSolution Generate(Solution solution, int seed)
    {
        var attempts = solution.Problem.Kind switch
        {
            ProblemKind.LinearEquation or ProblemKind.LinearInequality => Linear(solution),
            ProblemKind.QuadraticEquation => Quadratic(solution),
            ProblemKind.Arithmetic => FractionSum(solution),
            _ => [],
        };
        attempts = [.. attempts.Where(a => a.Answer != solution.Answer)];
        if (attempts.Count == 0)
        {
            throw new MathEngineException(ErrorCodes.Unsupported, "Error-spotting exercises are available for linear equations and inequalities, factorable quadratics and sums of two fractions.");
        }

        var chosen = attempts[(int)((uint)seed % (uint)attempts.Count)];
        return new ErrorSolution
        {
            Problem = solution.Problem.Normalized,
            Kind = solution.Problem.Kind,
            Steps = chosen.Steps,
            WrongStepIndex = chosen.WrongIndex,
            Misconception = chosen.Misconception,
            Explanation = chosen.Explanation,
            WrongAnswer = chosen.Answer,
            CorrectAnswer = solution.Answer,
        };
    }

    private enum LinearMove
    {
        CollectUnknown,
        MoveConstant,
        Divide,
    }

    private static List<Attempt> Linear(Solution solution)
    {
        var statement = solution.Problem.Single;
        var left = AlgebraicReader.ToFraction(statement.Left);
        var right = AlgebraicReader.ToFraction(statement.Right!);
        if (!left.IsPolynomial || !right.IsPolynomial)
        {
            return [];
        }

        var attempts = new List<Attempt>();
        foreach (var move in Enum.GetValues<LinearMove>())
        {
            if (RunLinear(solution, left.Numerator, right.Numerator, move) is { } attempt)
            {
                attempts.Add(attempt);
            }
        }

        return attempts;
    }

    private static Attempt? RunLinear(Solution solution, Polynomial left, Polynomial right, LinearMove wrongMove)
    {
        var v = solution.Variable!;
        var op = solution.Problem.Single.Operator!.Value;
        var steps = new List<WorkedStep> { new("The problem", solution.Problem.Single.ToString()) };
        string Line() => EquationSolver.Relation(left, op, right);
        if (Line() != steps[0].Expression)
        {
            steps.Add(new WorkedStep("Expand the brackets and combine like terms", Line()));
        }

        if (left.CoefficientOf(v, 1).IsZero)
        {
            (left, right, op) = (right, left, EquationSolver.Flip(op));
            steps.Add(new WorkedStep("Swap the two sides", Line()));
        }

        int? wrongIndex = null;
        var misconception = Misconception.SignError;
        var explanation = string.Empty;
        var unknownOnRight = right - Polynomial.Constant(right.ConstantTerm);
        if (!unknownOnRight.IsZero)
        {
            if (wrongMove == LinearMove.CollectUnknown)
            {
                left += unknownOnRight;
                right -= unknownOnRight;
                (wrongIndex, misconception, explanation) = (steps.Count, Misconception.SignErrorMovingTerm, $"{unknownOnRight} changes sign when it moves to the other side; it should be subtracted from both sides.");
            }
            else
            {
                left -= unknownOnRight;
                right -= unknownOnRight;
            }

            steps.Add(new WorkedStep($"Move the {v} terms to the left side", Line()));
        }

        var constant = left.ConstantTerm;
        if (!constant.IsZero)
        {
            left -= Polynomial.Constant(constant);
            right += Polynomial.Constant(wrongMove == LinearMove.MoveConstant ? constant : -constant);
            if (wrongMove == LinearMove.MoveConstant)
            {
                (wrongIndex, misconception, explanation) = (steps.Count, Misconception.SignErrorMovingTerm, $"{constant} must change sign when it moves across: {(constant.Sign > 0 ? "subtract" : "add")} {constant.Abs()} on both sides.");
            }

            steps.Add(new WorkedStep("Move the constant term to the right side", Line()));
        }

        var coefficient = left.CoefficientOf(v, 1).ConstantTerm;
        if (coefficient.IsZero)
        {
            return null;
        }

        if (!coefficient.IsOne)
        {
            var value = right.ConstantTerm / coefficient;
            var flipped = op != RelationOperator.Equal && coefficient.Sign < 0 ? EquationSolver.Flip(op) : op;
            if (wrongMove == LinearMove.Divide)
            {
                if (flipped != op)
                {
                    (wrongIndex, misconception, explanation) = (steps.Count, Misconception.ForgotToFlipInequality, $"Dividing both sides by the negative number {coefficient} reverses the inequality sign.");
                    flipped = op;
                }
                else if (!right.ConstantTerm.IsZero)
                {
                    (wrongIndex, misconception, explanation) = (steps.Count, Misconception.DividedTheWrongWay, $"Both sides must be divided by {coefficient}: the right side is {right.ConstantTerm}/{coefficient}, not {coefficient}/{right.ConstantTerm}.");
                    value = coefficient / right.ConstantTerm;
                }
            }

            steps.Add(new WorkedStep($"Divide both sides by {coefficient}", $"{v} {Statement.RelationText(flipped)} {value}"));
            op = flipped;
            left = Polynomial.Variable(v);
            right = Polynomial.Constant(value);
        }

        return wrongIndex is { } index ? new Attempt(steps, index, misconception, explanation, Line()) : null;
    }

    private static List<Attempt> Quadratic(Solution solution)
    {
        var v = solution.Variable!;
        var statement = solution.Problem.Single;
        var difference = AlgebraicReader.ToFraction(Build.Sum(statement.Left, new NegateExpression(statement.Right!)));
        if (!difference.IsPolynomial || solution.Values.Count != 2 || !solution.Values.All(r => r.TryGetRational(out var q) && q.IsInteger))
        {
            return [];
        }

        var polynomial = difference.Numerator;
        var lead = polynomial.CoefficientOf(v, 2).ConstantTerm;
        polynomial = polynomial.Scale(lead.Reciprocal());
        var roots = solution.Values.Select(r => r.RationalPart).ToList();
        Polynomial Factor(Rational root) => Polynomial.Variable(v) - Polynomial.Constant(root);
        string Roots(IEnumerable<Rational> values) => string.Join(" or ", values.Select(r => $"{v} = {r}"));

        List<WorkedStep> Start()
        {
            var steps = new List<WorkedStep> { new("The problem", statement.ToString()) };
            if ($"{polynomial} = 0" != steps[0].Expression)
            {
                steps.Add(new WorkedStep(lead.IsOne ? "Move all terms to one side" : $"Move all terms to one side and divide by {lead}", $"{polynomial} = 0"));
            }

            return steps;
        }

        var attempts = new List<Attempt>();

        // Wrong signs inside the brackets, then solved correctly from there.
        var negated = roots.Select(r => -r).ToList();
        if (!negated.OrderBy(r => r).SequenceEqual(roots.OrderBy(r => r)))
        {
            var steps = Start();
            var index = steps.Count;
            steps.Add(new WorkedStep("Factor", $"({Factor(negated[0])})({Factor(negated[1])}) = 0"));
            steps.Add(new WorkedStep("Set each factor equal to zero", $"{Factor(negated[0])} = 0 or {Factor(negated[1])} = 0"));
            steps.Add(new WorkedStep("Solve each equation", Roots(negated)));
            attempts.Add(new Attempt(steps, index, Misconception.SignErrorInFactors, $"The signs in the brackets are wrong: expanding gives {(Factor(negated[0]) * Factor(negated[1]))}, not {polynomial}.", Roots(negated)));
        }

        // Correct factors, then a sign slip when solving one of the small equations.
        var slipped = roots.FirstOrDefault(r => !r.IsZero && !roots.Contains(-r));
        if (!slipped.IsZero)
        {
            var steps = Start();
            steps.Add(new WorkedStep("Factor", $"({Factor(roots[0])})({Factor(roots[1])}) = 0"));
            steps.Add(new WorkedStep("Set each factor equal to zero", $"{Factor(roots[0])} = 0 or {Factor(roots[1])} = 0"));
            var wrongRoots = roots.Select(r => r == slipped ? -r : r).ToList();
            var index = steps.Count;
            steps.Add(new WorkedStep("Solve each equation", Roots(wrongRoots)));
            attempts.Add(new Attempt(steps, index, Misconception.SignErrorMovingTerm, $"{Factor(slipped)} = 0 gives {v} = {slipped}: the number changes sign when it moves across the equals sign.", Roots(wrongRoots)));
        }

        return attempts;
    }

    private static List<Attempt> FractionSum(Solution solution)
    {
        if (solution.Problem.Single.Left is not SumExpression { Terms.Length: 2 } sum
            || sum.Terms.Any(t => AlgebraicReader.HasVariables(t) || AlgebraicReader.HasFunctions(t)))
        {
            return [];
        }

        var values = sum.Terms.Select(t => AlgebraicReader.Evaluate(t)).ToList();
        if (!values.All(v => v.IsRational))
        {
            return [];
        }

        var fractions = values.Select(v => v.RationalPart).ToList();
        var (d1, d2) = (fractions[0].Denominator, fractions[1].Denominator);
        if (d1 == d2 || fractions.Any(f => f.IsInteger))
        {
            return [];
        }

        var lcd = d1 / BigInteger.GreatestCommonDivisor(d1, d2) * d2;
        string Pair(BigInteger a, BigInteger b, BigInteger den1, BigInteger den2) => $"{a}/{den1} {(b.Sign < 0 ? "-" : "+")} {BigInteger.Abs(b)}/{den2}";
        var problem = new WorkedStep("The problem", Pair(fractions[0].Numerator, fractions[1].Numerator, d1, d2));

        List<WorkedStep> Finish(List<WorkedStep> steps, BigInteger numerator, BigInteger denominator)
        {
            steps.Add(new WorkedStep("Add the fractions", $"{numerator}/{denominator}"));
            var reduced = new Rational(numerator, denominator);
            if (reduced.Denominator != denominator)
            {
                steps.Add(new WorkedStep("Simplify the fraction", reduced.ToString()));
            }

            return steps;
        }

        var (n1, n2) = (fractions[0].Numerator * (lcd / d1), fractions[1].Numerator * (lcd / d2));
        var attempts = new List<Attempt>();
        var scaledOnly = Finish([problem, new WorkedStep($"Rewrite both fractions with the common denominator {lcd}", Pair(fractions[0].Numerator, fractions[1].Numerator, lcd, lcd))], fractions[0].Numerator + fractions[1].Numerator, lcd);
        attempts.Add(new Attempt(scaledOnly, 1, Misconception.ScaledDenominatorsOnly, $"The denominators were changed to {lcd} but the numerators were not multiplied by the same numbers, so the fractions changed value.", scaledOnly[^1].Expression));
        var addedBoth = Finish([problem, new WorkedStep($"Rewrite both fractions with the common denominator {lcd}", Pair(n1, n2, lcd, lcd))], n1 + n2, 2 * lcd);
        attempts.Add(new Attempt(addedBoth, 2, Misconception.AddedNumeratorsAndDenominators, $"With a common denominator only the numerators are added; the denominator stays {lcd}.", addedBoth[^1].Expression));
        return attempts;
    }
}
