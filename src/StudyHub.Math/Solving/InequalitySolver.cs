using StudyHub.Math.Algebra;
using StudyHub.Math.Numbers;
using StudyHub.Math.Reading;
using StudyHub.Math.Syntax;

namespace StudyHub.Math.Solving;

/// <summary>
/// Quadratic inequalities by the textbook method: move everything to one side, make the leading
/// coefficient positive (flipping the sign), find the critical values, and read the solution from
/// the shape of the parabola. Rational critical values come from factoring; irrational ones from
/// the quadratic formula, kept exact (x &lt; -√2 or x &gt; √2) with decimals alongside, because an
/// interval with a rounded end is a wrong answer.
/// </summary>
internal static class InequalitySolver
{
    public static Solution SolveQuadratic(ParsedProblem problem)
    {
        var variable = problem.TargetVariable!;
        var steps = new List<WorkedStep>();
        var notes = new List<string>();
        var (left, right, restrictions) = EquationSolver.ClearDenominators(problem.Single, variable, steps, notes);
        if (restrictions.Count > 0)
        {
            // Multiplying by a denominator of unknown sign is not allowed in an inequality.
            throw new MathEngineException(ErrorCodes.Unsupported, "Inequalities with the variable in a denominator are not supported.");
        }

        var op = problem.Single.Operator!.Value;
        var polynomial = left - right;
        if (!right.IsZero)
        {
            steps.Add(new WorkedStep("Move all terms to one side", EquationSolver.Relation(polynomial, op, Polynomial.Zero)) { Kind = StepKind.MoveAllTermsToOneSide });
        }

        var dense = new UnivariatePolynomial(polynomial.ToDense(variable)!);
        var integer = Factorizer.ToPrimitiveInteger(dense);
        var scale = integer.Leading / dense.Leading;
        if (scale.Sign < 0)
        {
            op = EquationSolver.Flip(op);
            steps.Add(new WorkedStep($"Multiply both sides by {scale} and flip the inequality sign (multiplying by a negative number)", EquationSolver.Relation(integer.ToPolynomial(variable), op, Polynomial.Zero))
            {
                Kind = StepKind.FlipInequality,
                Operand = scale.ToString(),
            });
        }
        else if (scale != Rational.One)
        {
            steps.Add(new WorkedStep(scale > Rational.One ? $"Multiply both sides by {scale}" : $"Divide both sides by {scale.Reciprocal()}", EquationSolver.Relation(integer.ToPolynomial(variable), op, Polynomial.Zero))
            {
                Kind = scale > Rational.One ? StepKind.MultiplyBothSides : StepKind.DivideBothSides,
                Operand = (scale > Rational.One ? scale : scale.Reciprocal()).ToString(),
            });
        }

        var (a, b, c) = (integer[2], integer[1], integer[0]);
        var discriminant = (b * b) - (4 * a * c);
        List<RealNumber> roots;
        if (discriminant.Sign < 0)
        {
            roots = [];
            steps.Add(new WorkedStep($"The discriminant b^2 - 4ac = {discriminant} is negative, so {integer.ToPolynomial(variable)} is never zero", $"b^2 - 4ac = {discriminant}") { Kind = StepKind.Discriminant, Operand = discriminant.ToString() });
        }
        else
        {
            var rational = Factorizer.RationalRoots(integer);
            if (rational.Count > 0)
            {
                roots = [.. rational.Select(r => (RealNumber)r)];
                steps.Add(new WorkedStep($"Find the critical values: factor {integer.ToPolynomial(variable)} = 0", $"{Factorizer.Factor(integer.ToPolynomial(variable))} = 0") { Kind = StepKind.Factor });
                steps.Add(new WorkedStep("Set each factor equal to zero", string.Join(" or ", roots.Select(r => $"{variable} = {r}"))) { Kind = StepKind.SetFactorsToZero });
            }
            else
            {
                // No rational root: the formula gives the critical values exactly, as radicals.
                roots = [.. EquationSolver.QuadraticRoots(a, b, c).Select(r => new RealNumber(r)).Order()];
                steps.Add(new WorkedStep($"{integer.ToPolynomial(variable)} does not factor over the integers: find the critical values with the quadratic formula, a = {a}, b = {b}, c = {c}", string.Join(" or ", roots.Select(r => $"{variable} = {r}")))
                {
                    Kind = StepKind.QuadraticFormula,
                    Operands = [a.ToString(), b.ToString(), c.ToString()],
                });
            }
        }

        var intervals = Intervals(variable, op, roots);
        var shape = roots.Count switch
        {
            0 => $"The parabola opens upwards and never crosses zero, so {integer.ToPolynomial(variable)} is always positive",
            1 => $"The parabola opens upwards and touches zero only at {variable} = {roots[0]}; everywhere else it is positive",
            _ => $"The parabola opens upwards, so it is negative between {roots[0]} and {roots[1]} and positive outside them",
        };
        var answer = Answer(variable, intervals, roots, op);
        steps.Add(new WorkedStep(shape, answer) { Kind = StepKind.SignAnalysis });
        return IntervalSolution(problem, variable, intervals, answer, steps, notes, roots.All(r => r.IsRational) ? [] : [Approximately(intervals)]);
    }

    /// <summary>An inequality's answer: the set as inequalities and in interval notation, with the notation as the last step.</summary>
    public static Solution IntervalSolution(ParsedProblem problem, string variable, List<SolutionInterval> intervals, string answer, List<WorkedStep> steps, List<string> notes, List<string> decimals)
    {
        var notation = Notation(intervals);
        var solution = new Solution(problem, AnswerShape.Interval)
        {
            Variable = variable,
            Interval = intervals.Count == 1 ? intervals[0] : null,
            IntervalSet = intervals,
            Answer = answer,
            ExactAnswers = [answer, notation],
            DecimalAnswers = decimals,
        };
        solution.Steps.AddRange(steps);
        if (intervals.Count > 0)
        {
            solution.Step("Write the answer in interval notation", notation, StepKind.IntervalNotation);
        }

        solution.Notes.AddRange(notes);
        return solution;
    }

    /// <summary>The solution set of a·(x - r1)(x - r2) op 0 with a &gt; 0 (no roots: the quadratic is always positive).</summary>
    private static List<SolutionInterval> Intervals(string v, RelationOperator op, List<RealNumber> roots)
    {
        var closed = op is RelationOperator.LessOrEqual or RelationOperator.GreaterOrEqual;
        var below = op is RelationOperator.Less or RelationOperator.LessOrEqual;
        switch (roots.Count)
        {
            case 0:
                return below ? [] : [new SolutionInterval(v, null, false, null, false)];
            case 1:
                var r = roots[0];
                return (below, closed) switch
                {
                    (true, false) => [],
                    (true, true) => [new SolutionInterval(v, r, true, r, true)],
                    (false, false) => [new SolutionInterval(v, null, false, r, false), new SolutionInterval(v, r, false, null, false)],
                    _ => [new SolutionInterval(v, null, false, null, false)],
                };
            default:
                var (low, high) = (roots[0], roots[1]);
                return below
                    ? [new SolutionInterval(v, low, closed, high, closed)]
                    : [new SolutionInterval(v, null, false, low, closed), new SolutionInterval(v, high, closed, null, false)];
        }
    }

    /// <summary>The answer with its ends as decimals (6 places), for "give your answer to … decimal places".</summary>
    private static string Approximately(IReadOnlyList<SolutionInterval> intervals) => string.Join(" or ", intervals.Select(i =>
    {
        static string D(RealNumber end) => ExactNumber.FormatDouble(end.ToDouble(), 6);
        return (i.Lower, i.Upper) switch
        {
            (null, null) => $"all real {i.Variable}",
            (null, { } upper) => $"{i.Variable} {(i.UpperClosed ? "≤" : "<")} {D(upper)}",
            ({ } lower, null) => $"{i.Variable} {(i.LowerClosed ? "≥" : ">")} {D(lower)}",
            ({ } lower, { } upper) => $"{D(lower)} {(i.LowerClosed ? "≤" : "<")} {i.Variable} {(i.UpperClosed ? "≤" : "<")} {D(upper)}",
        };
    }));

    private static string Answer(string v, List<SolutionInterval> intervals, List<RealNumber> roots, RelationOperator op)
    {
        if (intervals.Count == 0)
        {
            return "no solution";
        }

        if (roots.Count == 1 && op == RelationOperator.Greater)
        {
            return $"{v} ≠ {roots[0]}";
        }

        return string.Join(" or ", intervals.Select(i => i.Inequality));
    }

    public static string Notation(IReadOnlyList<SolutionInterval> intervals) =>
        intervals.Count == 0 ? "∅" : string.Join(" ∪ ", intervals.Select(i => i.IntervalNotation));
}
