using StudyHub.Math.Algebra;
using StudyHub.Math.Numbers;
using StudyHub.Math.Syntax;

namespace StudyHub.Math.Solving;

/// <summary>
/// Equations with one absolute value of a linear expression, everything else linear:
/// isolate |L| = S, refuse S &lt; 0, split into L = S or L = -S, and when S depends on the
/// variable, keep only the candidates with S ≥ 0 (the textbook check that removes false roots).
/// </summary>
internal static class AbsoluteValueSolver
{
    /// <summary>A name no reader can produce, standing for the absolute value while the rest is treated as a polynomial.</summary>
    private const string Placeholder = "|·|";

    /// <summary>|Inside| = Other after isolating the absolute value.</summary>
    internal sealed record Shape(Polynomial Inside, Polynomial Other, string Variable);

    /// <summary>The problem fits: exactly one (distinct) |…| containing the variable, linear inside and out.</summary>
    public static bool Matches(Statement statement, string variable) => Read(statement, variable) is not null;

    public static Solution Solve(ParsedProblem problem)
    {
        var variable = problem.TargetVariable!;
        var shape = Read(problem.Single, variable)
            ?? throw new MathEngineException(ErrorCodes.Unsupported, "Only equations with one absolute value of a linear expression are supported.");
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

    internal static Shape? Read(Statement statement, string variable)
    {
        if (statement is not { Operator: RelationOperator.Equal, Right: { } right })
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

        // c·|L| + rest = 0  ⇒  |L| = -rest / c
        return new Shape(insidePolynomial, rest * Polynomial.Constant(-coefficient.ConstantTerm.Reciprocal()), variable);
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
