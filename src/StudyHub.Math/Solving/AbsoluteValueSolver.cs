using StudyHub.Math.Algebra;
using StudyHub.Math.Numbers;
using StudyHub.Math.Reading;
using StudyHub.Math.Syntax;

namespace StudyHub.Math.Solving;

/// <summary>
/// Equations with one absolute value of a linear expression, everything else linear:
/// isolate |L| = S, refuse S &lt; 0, split into L = S or L = -S, and when S depends on the
/// variable, keep only the candidates with S ≥ 0 (the textbook check that removes false roots).
/// Inequalities |L| &lt; k and |L| &gt; k (k a number) by the distance rule: within k of zero is
/// -k &lt; L &lt; k, further than k is L &lt; -k or L &gt; k; a negative or zero k is answered by the
/// rule that an absolute value is never negative.
/// </summary>
internal static class AbsoluteValueSolver
{
    /// <summary>A name no reader can produce, standing for the absolute value while the rest is treated as a polynomial.</summary>
    private const string Placeholder = "|·|";

    /// <summary>|Inside| op Other after isolating the absolute value.</summary>
    internal sealed record Shape(Polynomial Inside, Polynomial Other, string Variable, RelationOperator Operator = RelationOperator.Equal);

    /// <summary>
    /// The problem fits: exactly one (distinct) |…| containing the variable, linear inside and out;
    /// for an inequality the other side must be a number once |…| is alone.
    /// </summary>
    public static ProblemKind? Classify(Statement statement, string variable) => Read(statement, variable) switch
    {
        null => null,
        { Operator: RelationOperator.Equal } => ProblemKind.AbsoluteValueEquation,
        _ => ProblemKind.AbsoluteValueInequality,
    };

    public static Solution Solve(ParsedProblem problem)
    {
        var variable = problem.TargetVariable!;
        var shape = Read(problem.Single, variable)
            ?? throw new MathEngineException(ErrorCodes.Unsupported, "Only equations with one absolute value of a linear expression are supported.");
        if (shape.Operator != RelationOperator.Equal)
        {
            return SolveInequality(problem, shape);
        }

        var (inside, other) = (shape.Inside, shape.Other);
        var steps = new List<WorkedStep>();
        var notes = new List<string>();
        var bars = $"|{inside}|";
        steps.Add(new WorkedStep("Isolate the absolute value", $"{bars} = {other}") { Kind = StepKind.IsolateTerm, Operand = bars });
        if (other.IsConstant && other.ConstantTerm.Sign < 0)
        {
            steps.Add(new WorkedStep($"An absolute value is never negative, so {bars} = {other} has no solution", "no solution") { Kind = StepKind.RejectCase });
            return EquationSolver.RootsSolution(problem, variable, [], steps, notes, []);
        }

        var cases = other.IsConstant && other.ConstantTerm.IsZero ? new[] { other } : [other, -other];
        steps.Add(new WorkedStep(
            cases.Length == 1 ? "An absolute value is 0 only when the inside is 0" : "Split into two cases: the inside equals the right side, or its negative",
            string.Join(" or ", cases.Select(c => $"{inside} = {c}"))) { Kind = StepKind.CaseSplit, Operand = inside.ToString() });
        var roots = new List<ExactNumber>();
        foreach (var (side, number) in cases.Select((c, i) => (c, i + 1)))
        {
            var difference = inside - side;
            var a = difference.CoefficientOf(variable, 1).ConstantTerm;
            if (a.IsZero)
            {
                if (difference.ConstantTerm.IsZero)
                {
                    // |x| = x holds for a whole interval: a set answer this solver does not give.
                    throw new MathEngineException(ErrorCodes.Unsupported, "This absolute value equation holds for a whole interval of values; that is not supported yet.");
                }

                steps.Add(new WorkedStep($"Case {number}: {inside} = {side} has no solution", "no solution") { Kind = StepKind.RejectCase });
                continue;
            }

            var value = -difference.ConstantTerm / a;
            var check = other.Evaluate(new Dictionary<string, Rational> { [variable] = value });
            if (check.Sign < 0)
            {
                steps.Add(new WorkedStep($"Case {number}: {inside} = {side} gives {variable} = {value}, but then {other} = {check} is negative, so it is rejected", $"{variable} ≠ {value}") { Kind = StepKind.RejectCase, Operand = value.ToString() });
                notes.Add($"{variable} = {value} does not satisfy the original equation.");
                continue;
            }

            var label = cases.Length == 1 ? "Solve" : $"Case {number}: solve";
            steps.Add(new WorkedStep($"{label} {inside} = {side}", $"{variable} = {value}") { Kind = StepKind.DivideBothSides, Operand = a.ToString() });
            roots.Add(value);
        }

        return EquationSolver.RootsSolution(problem, variable, roots, steps, notes, []);
    }

    /// <summary>|a·x + d| op k with k a number: the distance rule, then the linear parts solved together.</summary>
    private static Solution SolveInequality(ParsedProblem problem, Shape shape)
    {
        var (inside, v, op) = (shape.Inside, shape.Variable, shape.Operator);
        var k = shape.Other.ConstantTerm;
        var a = inside.CoefficientOf(v, 1).ConstantTerm;
        var d = inside.ConstantTerm;
        var bars = $"|{inside}|";
        var relation = Statement.RelationText(op);
        var within = op is RelationOperator.Less or RelationOperator.LessOrEqual;
        var closed = op is RelationOperator.LessOrEqual or RelationOperator.GreaterOrEqual;
        var steps = new List<WorkedStep> { new("Isolate the absolute value", $"{bars} {relation} {k}") { Kind = StepKind.IsolateTerm, Operand = bars } };
        List<SolutionInterval> intervals;
        string answer;
        if (k.Sign < 0 || (k.IsZero && !(within && closed) && !(!within && !closed)))
        {
            // Never negative: below a negative number (or below 0) never, at least a negative number (or 0) always.
            intervals = within ? [] : [new SolutionInterval(v, null, false, null, false)];
            answer = within ? "no solution" : $"all real {v}";
            steps.Add(new WorkedStep($"An absolute value is never negative, so {bars} {relation} {k} {(within ? "never holds" : $"holds for every {v}")}", answer) { Kind = StepKind.RejectCase, Operand = k.ToString() });
        }
        else if (k.IsZero)
        {
            // |L| ≤ 0 only where L = 0; |L| > 0 everywhere else.
            var zero = -d / a;
            steps.Add(new WorkedStep(within ? "An absolute value is at most 0 only where the inside is 0" : "An absolute value is above 0 everywhere except where the inside is 0", $"{inside} = 0") { Kind = StepKind.CaseSplit, Operand = inside.ToString() });
            steps.Add(new WorkedStep($"Solve {inside} = 0", $"{v} = {zero}") { Kind = StepKind.DivideBothSides, Operand = a.ToString() });
            intervals = within
                ? [new SolutionInterval(v, zero, true, zero, true)]
                : [new SolutionInterval(v, null, false, zero, false), new SolutionInterval(v, zero, false, null, false)];
            answer = within ? $"{v} = {zero}" : $"{v} ≠ {zero}";
        }
        else
        {
            var strict = closed ? "≤" : "<";
            var (low, high) = ((-k - d) / a, (k - d) / a);
            if (a.Sign < 0)
            {
                (low, high) = (high, low);
            }

            if (within)
            {
                steps.Add(new WorkedStep($"Within {k} of zero: {-k} {strict} {inside} {strict} {k}", $"{-k} {strict} {inside} {strict} {k}") { Kind = StepKind.CaseSplit, Operand = inside.ToString() });
            }
            else
            {
                var outside = closed ? "≥" : ">";
                steps.Add(new WorkedStep($"Further than {k} from zero: {inside} {strict} {-k} or {inside} {outside} {k}", $"{inside} {strict} {-k} or {inside} {outside} {k}") { Kind = StepKind.CaseSplit, Operand = inside.ToString() });
            }

            if (!d.IsZero)
            {
                steps.Add(new WorkedStep(d.Sign > 0 ? $"Subtract {d} from each part" : $"Add {-d} to each part", PartsText(v, a, -k - d, k - d, within, closed)) { Kind = d.Sign > 0 ? StepKind.SubtractBothSides : StepKind.AddBothSides, Operand = d.Abs().ToString() });
            }

            if (!a.IsOne)
            {
                steps.Add(new WorkedStep(a.Sign < 0 ? $"Divide each part by {a} and flip the signs (dividing by a negative number)" : $"Divide each part by {a}", PartsText(v, Rational.One, low, high, within, closed))
                {
                    Kind = a.Sign < 0 ? StepKind.FlipInequality : StepKind.DivideBothSides,
                    Operand = a.ToString(),
                });
            }

            intervals = within
                ? [new SolutionInterval(v, low, closed, high, closed)]
                : [new SolutionInterval(v, null, false, low, closed), new SolutionInterval(v, high, closed, null, false)];
            answer = string.Join(" or ", intervals.Select(i => i.Inequality));
        }

        return InequalitySolver.IntervalSolution(problem, v, intervals, answer, steps, [], []);
    }

    /// <summary>"lo &lt; a·x &lt; hi" (within) or "a·x &lt; lo or a·x &gt; hi" (outside), for the step after moving the constant.</summary>
    private static string PartsText(string v, Rational a, Rational low, Rational high, bool within, bool closed)
    {
        var term = a.IsOne ? v : a == Rational.MinusOne ? $"-{v}" : $"{a}{v}";
        var (less, greater) = closed ? ("≤", "≥") : ("<", ">");
        return within ? $"{low} {less} {term} {less} {high}" : $"{term} {less} {low} or {term} {greater} {high}";
    }

    internal static Shape? Read(Statement statement, string variable)
    {
        if (statement is not { Operator: { } op and not RelationOperator.NotEqual, Right: { } right })
        {
            return null;
        }

        var bars = new HashSet<Expression>();
        Collect(statement.Left, bars);
        Collect(right, bars);
        if (bars.Count != 1 || bars.First() is not FunctionExpression { Argument: var argument } bar)
        {
            return null;
        }

        var inside = AlgebraicReader.TryToFraction(argument);
        var equation = AlgebraicReader.TryToFraction(Build.Sum(Replace(statement.Left, bar), new NegateExpression(Replace(right, bar))));
        if (inside is not { IsPolynomial: true } || equation is not { IsPolynomial: true })
        {
            return null;
        }

        var insidePolynomial = inside.Numerator * Polynomial.Constant(inside.Denominator.ConstantTerm.Reciprocal());
        var difference = equation.Numerator * Polynomial.Constant(equation.Denominator.ConstantTerm.Reciprocal());
        var coefficient = difference.CoefficientOf(Placeholder, 1);
        var rest = difference - (coefficient * Polynomial.Variable(Placeholder));
        var onlyVariable = (Polynomial p) => p.Variables().All(v => v == variable);
        if (!coefficient.IsConstant || coefficient.ConstantTerm.IsZero || difference.DegreeIn(Placeholder) != 1
            || insidePolynomial.DegreeIn(variable) != 1 || insidePolynomial.Degree > 1 || rest.Degree > 1
            || !onlyVariable(insidePolynomial) || !onlyVariable(rest))
        {
            return null;
        }

        // c·|L| + rest op 0  ⇒  |L| op -rest / c, the other way round when c is negative.
        var other = rest * Polynomial.Constant(-coefficient.ConstantTerm.Reciprocal());
        if (op != RelationOperator.Equal && !other.IsConstant)
        {
            return null;
        }

        return new Shape(insidePolynomial, other, variable, coefficient.ConstantTerm.Sign < 0 ? EquationSolver.Flip(op) : op);
    }

    private static void Collect(Expression expression, HashSet<Expression> bars)
    {
        switch (expression)
        {
            case FunctionExpression { Function: FunctionName.Abs } bar when AlgebraicReader.HasVariables(bar.Argument):
                bars.Add(bar);
                break;
            case FunctionExpression function:
                Collect(function.Argument, bars);
                break;
            case SumExpression sum:
                foreach (var term in sum.Terms)
                {
                    Collect(term, bars);
                }

                break;
            case ProductExpression product:
                foreach (var factor in product.Factors)
                {
                    Collect(factor, bars);
                }

                break;
            case PowerExpression power:
                Collect(power.Base, bars);
                Collect(power.Exponent, bars);
                break;
            case NegateExpression negate:
                Collect(negate.Operand, bars);
                break;
            case ReciprocalExpression reciprocal:
                Collect(reciprocal.Operand, bars);
                break;
        }
    }

    private static Expression Replace(Expression expression, Expression bar) => expression switch
    {
        _ when expression.Equals(bar) => new VariableExpression(Placeholder),
        SumExpression sum => new SumExpression([.. sum.Terms.Select(t => Replace(t, bar))]),
        ProductExpression product => new ProductExpression([.. product.Factors.Select(f => Replace(f, bar))]),
        PowerExpression power => new PowerExpression(Replace(power.Base, bar), Replace(power.Exponent, bar)),
        NegateExpression negate => new NegateExpression(Replace(negate.Operand, bar)),
        ReciprocalExpression reciprocal => new ReciprocalExpression(Replace(reciprocal.Operand, bar)),
        FunctionExpression function => function with { Argument = Replace(function.Argument, bar) },
        _ => expression,
    };
}
