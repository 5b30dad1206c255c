using StudyHub.Math.Algebra;
using StudyHub.Math.Numbers;
using StudyHub.Math.Reading;
using StudyHub.Math.Syntax;

namespace StudyHub.Math.Solving;

/// <summary>Problems whose answer is a value or an expression: arithmetic, evaluate, simplify, expand, factor.</summary>
internal static class ExpressionSolver
{
    public static Solution Arithmetic(ParsedProblem problem) => NumberSolution(problem, problem.Single.Left, []);

    public static Solution Evaluate(ParsedProblem problem)
    {
        var substituted = Substitute(problem.Single.Left, problem.Substitutions);
        var steps = new List<WorkedStep>
        {
            new("Substitute " + string.Join(", ", problem.Substitutions.Select(s => $"{s.Key} = {s.Value}")), substituted.ToString()) { Kind = StepKind.Substitute },
        };
        return NumberSolution(problem, substituted, steps);
    }

    private static Solution NumberSolution(ParsedProblem problem, Expression expression, List<WorkedStep> steps)
    {
        var notes = new List<string>();
        var numbers = expression.DescendantsAndSelf().OfType<NumberExpression>().ToList();
        foreach (var mixed in numbers.Where(n => n.Style == NumberStyle.Mixed).Distinct())
        {
            steps.Add(new WorkedStep("Write the mixed number as an improper fraction", $"{ExpressionPrinter.FormatNumber(mixed)} = {mixed.Value}") { Kind = StepKind.ImproperFraction });
        }

        foreach (var percent in numbers.Where(n => n.Style == NumberStyle.Percent).Distinct())
        {
            steps.Add(new WorkedStep("Write the percentage as a fraction", $"{ExpressionPrinter.FormatNumber(percent)} = {percent.Value} = {percent.Value.ToDecimalString()}") { Kind = StepKind.PercentAsFraction });
        }

        AddFractionSumSteps(expression, steps);
        AddRadicalSteps(expression, steps);
        var value = AlgebraicReader.Evaluate(expression);
        var exact = value.ToString();
        if (steps.Count == 0 || steps[^1].Expression != exact)
        {
            steps.Add(new WorkedStep("Evaluate", $"{expression} = {exact}") { Kind = StepKind.Evaluate });
        }

        if (value.TryGetRational(out var rational) && !rational.IsInteger && rational.Abs() > Rational.One)
        {
            var whole = rational.Abs().Floor();
            notes.Add($"As a mixed number: {(rational.Sign < 0 ? "-" : string.Empty)}{whole} {rational.Abs() - new Rational(whole)}");
        }

        var solution = new Solution(problem, AnswerShape.Number)
        {
            Values = [value],
            Answer = exact,
            ExactAnswers = [exact],
            DecimalAnswers = [value.ToDecimalString()],
        };
        solution.Steps.AddRange(steps);
        solution.Notes.AddRange(notes);
        return solution;
    }

    private static void AddFractionSumSteps(Expression expression, List<WorkedStep> steps)
    {
        if (expression is not SumExpression sum)
        {
            return;
        }

        var fractions = new List<Rational>();
        foreach (var term in sum.Terms)
        {
            if (AlgebraicReader.HasVariables(term) || AlgebraicReader.HasFunctions(term))
            {
                return;
            }

            var value = AlgebraicReader.Evaluate(term);
            if (!value.TryGetRational(out var r))
            {
                return;
            }

            fractions.Add(r);
        }

        if (fractions.All(f => f.IsInteger) || fractions.Select(f => f.Denominator).Distinct().Count() < 2)
        {
            return;
        }

        var lcd = fractions.Aggregate(System.Numerics.BigInteger.One, (acc, f) => acc / System.Numerics.BigInteger.GreatestCommonDivisor(acc, f.Denominator) * f.Denominator);
        var rewritten = string.Join(" + ", fractions.Select(f => $"{f.Numerator * (lcd / f.Denominator)}/{lcd}")).Replace("+ -", "- ", StringComparison.Ordinal);
        steps.Add(new WorkedStep($"Find a common denominator: {lcd}", rewritten) { Kind = StepKind.CommonDenominator, Operand = lcd.ToString() });
        var total = fractions.Aggregate(Rational.Zero, (acc, f) => acc + f);
        var numerator = total * new Rational(lcd);
        steps.Add(new WorkedStep("Add the numerators", $"{numerator}/{lcd}") { Kind = StepKind.AddNumerators });
        if (total.Denominator != lcd)
        {
            steps.Add(new WorkedStep("Simplify the fraction", total.ToString()) { Kind = StepKind.Simplify });
        }
    }

    private static void AddRadicalSteps(Expression expression, List<WorkedStep> steps)
    {
        if (expression is FunctionExpression { Function: FunctionName.Sqrt, Argument: NumberExpression number } && number.Value.Sign > 0)
        {
            var value = number.Value;
            var (outside, inside) = NumberTheory.SplitSquare(value.Numerator * value.Denominator);
            if (!outside.IsOne && value.IsInteger && !inside.IsOne)
            {
                steps.Add(new WorkedStep($"Take out the square factor {outside * outside}", $"√{value} = √({outside * outside}·{inside}) = {outside}√{inside}") { Kind = StepKind.TakeOutSquareFactor, Operand = (outside * outside).ToString() });
            }
            else if (!value.IsInteger)
            {
                steps.Add(new WorkedStep("Take the root of the numerator and denominator separately", $"√({value}) = √{value.Numerator}/√{value.Denominator}") { Kind = StepKind.RootOfQuotient });
            }
        }
    }

    public static Solution Simplify(ParsedProblem problem)
    {
        var expression = problem.Single.Left;
        var fraction = AlgebraicReader.TryToFraction(expression)
            ?? throw new MathEngineException(ErrorCodes.Unsupported, "Simplifying expressions with functions is not supported yet.");
        var steps = new List<WorkedStep>();
        var notes = new List<string>();
        PolynomialFraction result;
        if (fraction.IsPolynomial)
        {
            result = fraction;
            var brackets = expression.ToString().Contains('(', StringComparison.Ordinal);
            steps.Add(new WorkedStep(brackets ? "Expand the brackets and combine like terms" : "Combine like terms", result.ToString()) { Kind = brackets ? StepKind.Expand : StepKind.CollectLikeTerms });
        }
        else
        {
            var numeratorFactors = Factorizer.Factor(fraction.Numerator);
            var denominatorFactors = Factorizer.Factor(fraction.Denominator);
            if (!numeratorFactors.IsTrivial)
            {
                steps.Add(new WorkedStep("Factor the numerator", numeratorFactors.ToString()) { Kind = StepKind.FactorPart, Operand = "numerator" });
            }

            if (!denominatorFactors.IsTrivial)
            {
                steps.Add(new WorkedStep("Factor the denominator", denominatorFactors.ToString()) { Kind = StepKind.FactorPart, Operand = "denominator" });
            }

            var (reduced, cancelled) = fraction.Reduce();
            result = reduced;
            foreach (var factor in cancelled.Where(c => !c.IsConstant))
            {
                steps.Add(new WorkedStep($"Cancel the common factor {EquationSolver.Bracket(factor)}", result.ToString()) { Kind = StepKind.CancelCommonFactor, Operand = EquationSolver.Bracket(factor) });
                notes.AddRange(Restrictions(factor));
            }

            if (cancelled.Count == 0)
            {
                steps.Add(new WorkedStep("Write as a single fraction", result.ToString()) { Kind = StepKind.SingleFraction });
            }
        }

        return ExpressionResult(problem, result.ToString(), steps, notes);
    }

    public static Solution Expand(ParsedProblem problem)
    {
        var expression = problem.Single.Left;
        var fraction = AlgebraicReader.ToFraction(expression);
        if (!fraction.IsPolynomial)
        {
            throw new MathEngineException(ErrorCodes.Unsupported, "Only polynomials can be expanded.");
        }

        var steps = new List<WorkedStep>();
        if (expression is PowerExpression { Exponent: NumberExpression { Value: var n } } power && n.IsInteger && n.Numerator <= 4 && n.Numerator >= 2)
        {
            var factor = ExpressionPrinter.Print(power.Base);
            var repeated = string.Concat(Enumerable.Repeat("(" + factor + ")", (int)n.Numerator));
            steps.Add(new WorkedStep("Write the power as repeated multiplication", repeated) { Kind = StepKind.RepeatedMultiplication });
            var square = AlgebraicReader.ToFraction(power.Base).Numerator.Pow(2);
            if (n.Numerator > 2)
            {
                steps.Add(new WorkedStep("Multiply the first two brackets", $"({square})" + string.Concat(Enumerable.Repeat("(" + factor + ")", (int)n.Numerator - 2))) { Kind = StepKind.MultiplyBrackets });
            }
        }

        steps.Add(new WorkedStep("Multiply out and combine like terms", fraction.Numerator.ToString()) { Kind = StepKind.Expand });
        return ExpressionResult(problem, fraction.Numerator.ToString(), steps, []);
    }

    public static Solution Factor(ParsedProblem problem)
    {
        var fraction = AlgebraicReader.ToFraction(problem.Single.Left);
        if (!fraction.IsPolynomial)
        {
            throw new MathEngineException(ErrorCodes.Unsupported, "Only polynomials can be factored.");
        }

        var polynomial = fraction.Numerator;
        var notes = new List<string>();
        var steps = new List<WorkedStep>();
        var trace = new FactorTrace();
        var factorization = Factorizer.Factor(polynomial, trace);
        var (content, common, primitive) = polynomial.Content();
        if (!content.IsOne || !common.IsOne)
        {
            var taken = Polynomial.Term(content, common);
            steps.Add(new WorkedStep($"Take out the common factor {taken}", $"{taken}({primitive})") { Kind = StepKind.CommonFactor, Operand = taken.ToString() });
        }

        var terms = primitive.OrderedTerms().ToList();
        if (terms.Count == 2 && terms[0].Value.Sign > 0 && terms[1].Value.Sign < 0 && IsSquare(terms[0]) && IsSquare(terms[1]))
        {
            steps.Add(new WorkedStep("Use the difference of squares a^2 - b^2 = (a - b)(a + b)", factorization.ToString()) { Kind = StepKind.DifferenceOfSquares });
        }
        else if (terms.Count == 3 && primitive.Variables().Count == 1 && terms[0].Value.IsOne && terms[0].Key.Degree == 2)
        {
            var b = terms[1].Key.Degree == 1 ? terms[1].Value : Rational.Zero;
            var c = primitive.ConstantTerm;
            var roots = Factorizer.RationalRoots(new UnivariatePolynomial(primitive.ToDense(primitive.Variables().Min!)!));
            if (roots.Count == 2)
            {
                steps.Add(new WorkedStep($"Find two numbers that multiply to {c} and add to {b}: {-roots[0]} and {-roots[1]}", factorization.ToString()) { Kind = StepKind.FactorPair, Operands = [c.ToString(), b.ToString()] });
            }
        }
        else if (trace.QuadraticInSquare)
        {
            steps.Add(new WorkedStep("Treat it as a quadratic in the square of the variable", factorization.ToString()) { Kind = StepKind.QuadraticInSquare });
        }

        if (steps.Count == 0 || steps[^1].Expression != factorization.ToString())
        {
            steps.Add(new WorkedStep(factorization.IsTrivial ? "No common factor or rational root: the polynomial cannot be factored over the rationals" : "Factor", factorization.ToString()) { Kind = factorization.IsTrivial ? StepKind.Irreducible : StepKind.Factor });
        }

        if (factorization.IsTrivial)
        {
            notes.Add("This polynomial is irreducible over the rational numbers.");
        }

        return ExpressionResult(problem, factorization.ToString(), steps, notes);
    }

    private static bool IsSquare(KeyValuePair<Monomial, Rational> term)
    {
        var c = term.Value.Abs();
        return term.Key.Factors.All(f => f.Exponent % 2 == 0)
            && NumberTheory.TryExactRoot(c.Numerator, 2, out _) && NumberTheory.TryExactRoot(c.Denominator, 2, out _);
    }

    /// <summary>"x ≠ 1" for each rational root of a cancelled factor; a generic note otherwise.</summary>
    public static IEnumerable<string> Restrictions(Polynomial factor)
    {
        var variables = factor.Variables();
        if (variables.Count == 1)
        {
            var variable = variables.Min!;
            var roots = Factorizer.RationalRoots(new UnivariatePolynomial(factor.ToDense(variable)!));
            if (roots.Count > 0)
            {
                return roots.Select(r => $"{variable} ≠ {r}");
            }
        }

        return [$"{factor} ≠ 0"];
    }

    public static Solution ExpressionResult(ParsedProblem problem, string text, List<WorkedStep> steps, List<string> notes)
    {
        var result = Parser.ParseExpression(text);
        var decimals = new List<string>();
        if (!AlgebraicReader.HasVariables(result) && !AlgebraicReader.HasFunctions(result))
        {
            decimals.Add(AlgebraicReader.Evaluate(result).ToDecimalString());
        }

        var solution = new Solution(problem, AnswerShape.Expression)
        {
            Result = result,
            Answer = text,
            ExactAnswers = [text],
            DecimalAnswers = decimals,
        };
        solution.Steps.AddRange(steps);
        solution.Notes.AddRange(notes);
        return solution;
    }

    public static Expression Substitute(Expression expression, IReadOnlyDictionary<string, Rational> values) =>
        Replace(expression, v => values.TryGetValue(v.Name, out var value) ? Build.Number(value) : null);

    /// <summary>Every occurrence of one variable replaced by an expression (e.g. the letter e by Euler's number).</summary>
    public static Expression Substitute(Expression expression, string name, Expression replacement) =>
        Replace(expression, v => v.Name == name ? replacement : null);

    private static Expression Replace(Expression expression, Func<VariableExpression, Expression?> map) => expression switch
    {
        VariableExpression variable => map(variable) ?? variable,
        SumExpression sum => new SumExpression([.. sum.Terms.Select(t => Replace(t, map))]),
        ProductExpression product => new ProductExpression([.. product.Factors.Select(f => Replace(f, map))]),
        ReciprocalExpression reciprocal => new ReciprocalExpression(Replace(reciprocal.Operand, map)),
        NegateExpression negate => new NegateExpression(Replace(negate.Operand, map)),
        PowerExpression power => new PowerExpression(Replace(power.Base, map), Replace(power.Exponent, map)),
        FunctionExpression function => function with { Argument = Replace(function.Argument, map) },
        _ => expression,
    };
}
