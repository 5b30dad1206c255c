using StudyHub.Math.Algebra;
using StudyHub.Math.Numbers;
using StudyHub.Math.Reading;
using StudyHub.Math.Syntax;

namespace StudyHub.Math.Solving;

/// <summary>
/// Logarithm equations that need the laws: n₁·log(A₁) ± n₂·log(A₂) … = c with one base, whole
/// multiples and polynomial arguments (log(x) + log(x - 3) = 1). The laws log a + log b = log(ab),
/// log a - log b = log(a/b) and n·log a = log(aⁿ) make one logarithm; raising the base to both sides
/// gives a polynomial equation; and every candidate is checked against the domain of the
/// <em>original</em> logarithms (each argument positive), which drops the extraneous roots the
/// combining lets in (x = -2 above). Only answers the engine can stand behind: the base raised to c
/// must be rational, and the polynomial must split into factors of degree at most two.
/// </summary>
internal static class LogarithmLaws
{
    private sealed record LogTerm(int Multiple, Polynomial Argument, string Written);

    private sealed record Shape(IReadOnlyList<LogTerm> Logs, Rational Value, Rational Base, string Name, bool Natural);

    /// <summary>True when the equation has this shape and needs the laws (more than one logarithm, or a multiple of one).</summary>
    public static bool Matches(Statement statement, string variable) => Read(statement, variable) is not null;

    public static Solution Solve(ParsedProblem problem)
    {
        var variable = problem.TargetVariable!;
        var shape = Read(problem.Single, variable)
            ?? throw new MathEngineException(ErrorCodes.Unsupported, "Only sums of whole multiples of logarithms with one base, equal to a number, are supported.");
        var steps = new List<WorkedStep>();
        var notes = new List<string>();
        var name = shape.Name;
        var up = shape.Logs.Where(l => l.Multiple > 0).ToList();
        var down = shape.Logs.Where(l => l.Multiple < 0).ToList();
        var inside = Product(up);
        var below = Product(down);
        var combined = down.Count == 0 ? Text(up) : $"{Text(up)}/{Text(down)}";
        steps.Add(new WorkedStep(
            $"Combine the logarithms into one: {name}(a) + {name}(b) = {name}(ab), {name}(a) - {name}(b) = {name}(a/b), n·{name}(a) = {name}(a^n)",
            $"{name}({combined}) = {shape.Value}") { Kind = StepKind.CombineLogarithms, Operand = name });

        // e^c is irrational unless c = 0; b^c must be rational for an exact polynomial equation.
        var raised = Rational.One;
        if (shape.Natural ? !shape.Value.IsZero : !AlgebraicReader.EvaluatePower(shape.Base, shape.Value).TryGetRational(out raised))
        {
            throw new MathEngineException(ErrorCodes.Unsupported, $"{(shape.Natural ? "e" : shape.Base.ToString())}^{shape.Value} is irrational; only logarithm equations with a rational value are supported.");
        }

        var right = below * Polynomial.Constant(raised);
        var baseText = shape.Natural ? "e" : shape.Base.ToString();
        var rightText = down.Count == 0 ? raised.ToString() : raised == Rational.One ? Text(down) : $"{raised}·{Text(down)}";
        steps.Add(new WorkedStep($"Undo the logarithm by raising the base {baseText} to both sides", $"{Text(up)} = {rightText}")
        {
            Kind = StepKind.Exponentiate,
            Operand = baseText,
        });

        var polynomial = inside - right;
        steps.Add(new WorkedStep("Move all terms to one side", $"{polynomial} = 0") { Kind = StepKind.MoveAllTermsToOneSide });
        var candidates = Roots(polynomial, variable, steps);
        var roots = new List<ExactNumber>();
        foreach (var candidate in candidates)
        {
            // The domain of the original equation: every logarithm's argument must be positive.
            var bad = shape.Logs.FirstOrDefault(l => new RealNumber(Evaluate(l.Argument, variable, candidate)).CompareTo(Rational.Zero) <= 0);
            if (bad is not null)
            {
                var value = Evaluate(bad.Argument, variable, candidate);
                steps.Add(new WorkedStep($"Check the domain: {variable} = {candidate} makes {bad.Argument} = {value}, and a logarithm needs a positive argument, so it is rejected", $"{variable} ≠ {candidate}")
                {
                    Kind = StepKind.RejectCase,
                    Operand = candidate.ToString(),
                });
                notes.Add($"{variable} = {candidate} is not in the domain of {bad.Written}.");
                continue;
            }

            steps.Add(new WorkedStep($"Check the domain: {variable} = {candidate} makes every logarithm's argument positive", $"{variable} = {candidate}") { Kind = StepKind.DomainCheck, Operand = candidate.ToString() });
            roots.Add(candidate);
        }

        return EquationSolver.RootsSolution(problem, variable, roots, steps, notes, []);
    }

    /// <summary>The real roots of a polynomial of degree 1 to 4 that splits into linear and quadratic factors over Q.</summary>
    private static List<ExactNumber> Roots(Polynomial polynomial, string variable, List<WorkedStep> steps)
    {
        var dense = polynomial.ToDense(variable);
        if (dense is null || polynomial.Variables().Any(v => v != variable))
        {
            throw new MathEngineException(ErrorCodes.Unsupported, "The combined equation is not a polynomial in the unknown.");
        }

        var univariate = new UnivariatePolynomial(dense);
        if (univariate.Degree < 1)
        {
            throw new MathEngineException(ErrorCodes.Unsupported, "The unknown cancels out when the logarithms are combined.");
        }

        var factors = Factorizer.FactorUnivariate(Factorizer.ToPrimitiveInteger(univariate), null);
        var roots = new List<ExactNumber>();
        foreach (var (factor, _) in factors)
        {
            var found = EquationSolver.RootsOf(factor)
                ?? throw new MathEngineException(ErrorCodes.Unsupported, "The combined equation has a factor of degree 3 or more without rational roots.");
            roots.AddRange(found.Where(r => r.IsReal));
        }

        var distinct = roots.Distinct().OrderBy(r => r.RealPartDouble()).ToList();
        var text = distinct.Count == 0 ? "no real solution" : string.Join(" or ", distinct.Select(r => $"{variable} = {r}"));
        var quadratic = factors.Any(f => f.Factor.Degree == 2);
        steps.Add(new WorkedStep(quadratic ? "Solve the polynomial equation (the quadratic formula for the quadratic factor)" : factors.Count > 1 ? "Factor and set each factor equal to zero" : "Solve the equation", text)
        {
            Kind = quadratic ? StepKind.QuadraticFormula : factors.Count > 1 ? StepKind.SetFactorsToZero : StepKind.DivideBothSides,
        });
        return distinct;
    }

    private static ExactNumber Evaluate(Polynomial polynomial, string variable, ExactNumber x) =>
        new UnivariatePolynomial(polynomial.ToDense(variable)!).Evaluate(x);

    private static Polynomial Product(IEnumerable<LogTerm> logs) =>
        logs.Aggregate(Polynomial.Constant(Rational.One), (acc, l) => acc * l.Argument.Pow(System.Math.Abs(l.Multiple)));

    /// <summary>The product the laws make, as a teacher writes it: x(x - 3), (x + 1)^2, 1 when there is nothing.</summary>
    private static string Text(IReadOnlyList<LogTerm> logs) => logs.Count switch
    {
        0 => "1",
        1 when System.Math.Abs(logs[0].Multiple) == 1 => logs[0].Argument.ToString(),
        _ => string.Concat(logs.Select(l =>
        {
            var single = l.Argument.Degree == 1 && l.Argument.OrderedTerms().Count() == 1 && l.Argument.ConstantTerm.IsZero;
            var text = single ? l.Argument.ToString() : $"({l.Argument})";
            return text + (System.Math.Abs(l.Multiple) > 1 ? $"^{System.Math.Abs(l.Multiple)}" : string.Empty);
        })),
    };

    /// <summary>
    /// Σ nᵢ·log(Aᵢ) + constants = constants, one base, at least two logarithms or one with a multiple
    /// other than 1 (a single plain logarithm is <see cref="ExponentialSolver"/>'s).
    /// </summary>
    private static Shape? Read(Statement statement, string variable)
    {
        if (statement is not { Operator: RelationOperator.Equal, Right: { } right })
        {
            return null;
        }

        var logs = new List<LogTerm>();
        var constant = Rational.Zero;
        FunctionExpression? first = null;
        foreach (var (term, sign) in Terms(statement.Left, 1).Concat(Terms(right, -1)))
        {
            if (!AlgebraicReader.HasVariables(term))
            {
                try
                {
                    if (!AlgebraicReader.Evaluate(term).TryGetRational(out var number))
                    {
                        return null;
                    }

                    constant += sign * number;
                    continue;
                }
                catch (MathEngineException)
                {
                    return null;
                }
            }

            var (multiple, log) = term switch
            {
                FunctionExpression f => (1, f),
                ProductExpression { Factors: [NumberExpression { Value: var n }, FunctionExpression f] } when n.IsInteger => ((int)n.Numerator, f),
                _ => (0, null),
            };
            if (log is not { Function: FunctionName.Log or FunctionName.Ln } || multiple == 0 || System.Math.Abs(multiple) > 4)
            {
                return null;
            }

            if (first is not null && (first.Function != log.Function || first.Base != log.Base))
            {
                return null;
            }

            first ??= log;
            if (AlgebraicReader.TryToFraction(log.Argument) is not { IsPolynomial: true } argument)
            {
                return null;
            }

            var polynomial = argument.Numerator * Polynomial.Constant(argument.Denominator.ConstantTerm.Reciprocal());
            if (polynomial.Variables().Any(v => v != variable) || polynomial.Degree is < 1 or > 2)
            {
                return null;
            }

            logs.Add(new LogTerm(sign * multiple, polynomial, ExpressionPrinter.Print(log)));
        }

        if (first is null || (logs.Count == 1 && logs[0].Multiple == 1) || logs.Sum(l => System.Math.Abs(l.Multiple) * l.Argument.Degree) > 4)
        {
            return null;
        }

        var natural = first.Function == FunctionName.Ln;
        var name = natural ? "ln" : first.LogBase is { } b ? $"log_{b}" : "log";
        return new Shape(logs, -constant, natural ? Rational.Zero : first.Base, name, natural);
    }

    private static IEnumerable<(Expression Term, int Sign)> Terms(Expression side, int sign) => side switch
    {
        SumExpression sum => sum.Terms.SelectMany(t => Terms(t, sign)),
        NegateExpression negate => Terms(negate.Operand, -sign),
        _ => [(side, sign)],
    };
}
