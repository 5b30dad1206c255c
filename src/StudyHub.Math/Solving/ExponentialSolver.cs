using StudyHub.Math.Algebra;
using StudyHub.Math.Numbers;
using StudyHub.Math.Reading;
using StudyHub.Math.Syntax;

namespace StudyHub.Math.Solving;

/// <summary>
/// One power or one logarithm of a linear expression equal to a number: b^L = c, e^L = c,
/// log_b(L) = c, log(L) = c, ln(L) = c. Exact rational answers (2^x = 8, log_2(x) = 3) come back
/// as roots; otherwise the exact answer is a logarithm or a power of e (x = ln 5) with its decimal.
/// A power of a positive base is never zero or negative, and a logarithm's argument must be
/// positive: those cases are answered "no solution" with the reason, never a number.
/// </summary>
internal static class ExponentialSolver
{
    private sealed record Shape(FunctionOrPower Outer, Polynomial Inside, Rational Value);

    private enum Outer
    {
        Power,
        Exp,
        Log,
        Ln,
    }

    private sealed record FunctionOrPower(Outer Kind, Rational Base, string Written);

    public static ProblemKind? Classify(Statement statement, string variable) => Read(statement, variable)?.Outer.Kind switch
    {
        Outer.Power or Outer.Exp => ProblemKind.ExponentialEquation,
        Outer.Log or Outer.Ln => ProblemKind.LogarithmicEquation,
        _ => LogarithmLaws.Matches(statement, variable) ? ProblemKind.LogarithmicEquation : null,
    };

    public static Solution Solve(ParsedProblem problem)
    {
        var variable = problem.TargetVariable!;
        if (Read(problem.Single, variable) is not { } shape)
        {
            // Several logarithms (or a multiple of one): the laws combine them first.
            return LogarithmLaws.Matches(problem.Single, variable) ? LogarithmLaws.Solve(problem)
                : throw new MathEngineException(ErrorCodes.Unsupported, "Only one power or one logarithm of a linear expression equal to a number is supported.");
        }

        var (outer, inside, value) = (shape.Outer, shape.Inside, shape.Value);
        var steps = new List<WorkedStep>();
        var notes = new List<string>();
        var lhs = outer.Kind switch
        {
            Outer.Power => $"{outer.Base}^({inside})",
            Outer.Exp => $"e^({inside})",
            Outer.Log => $"{outer.Written}({inside})",
            _ => $"ln({inside})",
        };
        steps.Add(new WorkedStep("The equation", $"{lhs} = {value}") { Kind = StepKind.IsolateTerm, Operand = lhs });
        if (outer.Kind is Outer.Power or Outer.Exp)
        {
            if (value.Sign <= 0)
            {
                steps.Add(new WorkedStep($"A power of a positive base is always positive, so it can never equal {value}", "no solution") { Kind = StepKind.RejectCase });
                return EquationSolver.RootsSolution(problem, variable, [], steps, notes, []);
            }

            if (outer.Kind == Outer.Power && AlgebraicReader.PowerOf(outer.Base, value) is { } n)
            {
                steps.Add(new WorkedStep($"Write {value} as a power of {outer.Base}", $"{outer.Base}^({inside}) = {outer.Base}^{Bracketed(n)}") { Kind = StepKind.SameBase, Operand = outer.Base.ToString() });
                steps.Add(new WorkedStep("The bases are equal, so the exponents are equal", $"{inside} = {n}") { Kind = StepKind.SameBase });
                return Linear(problem, variable, inside, n, steps, notes);
            }

            if (value == Rational.One)
            {
                steps.Add(new WorkedStep("A power equals 1 only when the exponent is 0", $"{inside} = 0") { Kind = StepKind.SameBase });
                return Linear(problem, variable, inside, Rational.Zero, steps, notes);
            }

            // L = ln(c) / ln(b), or ln(c) for base e: exact, not rounded.
            Expression logarithm = outer.Kind == Outer.Exp
                ? Ln(value)
                : Build.Divide(Ln(value), Ln(outer.Base));
            steps.Add(new WorkedStep(outer.Kind == Outer.Exp ? "Take the natural logarithm of both sides" : "Take the logarithm of both sides: the exponent is ln of the right side over ln of the base", $"{inside} = {ExpressionPrinter.Print(logarithm)}") { Kind = StepKind.TakeLogarithm });
            return Transcendental(problem, variable, inside, logarithm, steps, notes);
        }

        // Logarithms: L = b^c, which is positive, so the domain condition L > 0 holds automatically.
        if (outer.Kind == Outer.Ln)
        {
            if (!value.IsZero)
            {
                Expression power = new FunctionExpression(FunctionName.Exp, Build.Number(value));
                steps.Add(new WorkedStep("Undo ln by raising e to both sides", $"{inside} = {ExpressionPrinter.Print(power)}") { Kind = StepKind.Exponentiate, Operand = "e" });
                return Transcendental(problem, variable, inside, power, steps, notes);
            }

            steps.Add(new WorkedStep("Undo ln by raising e to both sides (e^0 = 1)", $"{inside} = 1") { Kind = StepKind.Exponentiate, Operand = "e" });
            return Linear(problem, variable, inside, Rational.One, steps, notes, domain: true);
        }

        var exact = AlgebraicReader.EvaluatePower(outer.Base, value);
        if (!exact.TryGetRational(out var argument))
        {
            throw new MathEngineException(ErrorCodes.Unsupported, $"{outer.Base}^{value} is irrational; only logarithm equations with a rational answer are supported.");
        }

        steps.Add(new WorkedStep($"Undo the logarithm by raising the base {outer.Base} to both sides", $"{inside} = {outer.Base}^{Bracketed(value)} = {argument}") { Kind = StepKind.Exponentiate, Operand = outer.Base.ToString() });
        return Linear(problem, variable, inside, argument, steps, notes, domain: true);
    }

    private static string Bracketed(Rational n) => n.IsInteger && n.Sign >= 0 ? n.ToString() : $"({n})";

    private static FunctionExpression Ln(Rational value) => new(FunctionName.Ln, Build.Number(value));

    private static Solution Linear(ParsedProblem problem, string variable, Polynomial inside, Rational target, List<WorkedStep> steps, List<string> notes, bool domain = false)
    {
        var a = inside.CoefficientOf(variable, 1).ConstantTerm;
        var root = (target - inside.ConstantTerm) / a;
        steps.Add(new WorkedStep($"Solve {inside} = {target}", $"{variable} = {root}") { Kind = StepKind.DivideBothSides, Operand = a.ToString() });
        if (domain)
        {
            // The argument equals a power of a positive base, so it is positive: the root is in the domain.
            steps.Add(new WorkedStep($"Check the domain: the logarithm's argument {inside} = {target} is positive", $"{variable} = {root}") { Kind = StepKind.DomainCheck });
        }

        return EquationSolver.RootsSolution(problem, variable, [root], steps, notes, []);
    }

    /// <summary>a·x + d = T with T a logarithm or power of e: x = (T - d)/a, kept exact, with its decimal.</summary>
    private static Solution Transcendental(ParsedProblem problem, string variable, Polynomial inside, Expression target, List<WorkedStep> steps, List<string> notes)
    {
        var a = inside.CoefficientOf(variable, 1).ConstantTerm;
        var d = inside.ConstantTerm;
        Expression root = target;
        if (!d.IsZero)
        {
            root = Build.Sum(root, Build.Number(-d));
        }

        if (a != Rational.One)
        {
            root = a == Rational.MinusOne ? new NegateExpression(root)
                : a.IsInteger ? Build.Divide(root, Build.Number(a))
                : Build.Product(Build.Number(a.Reciprocal()), root);
        }

        var printed = ExpressionPrinter.Print(root);
        var approximate = AlgebraicReader.EvaluateDouble(root, new Dictionary<string, double>());
        if (double.IsNaN(approximate) || double.IsInfinity(approximate))
        {
            throw new MathEngineException(ErrorCodes.Unsupported, "The value of this answer could not be worked out.");
        }

        var decimalText = System.Math.Round(approximate, 6).ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);
        if (!d.IsZero || a != Rational.One)
        {
            steps.Add(new WorkedStep($"Solve for {variable}", $"{variable} = {printed}") { Kind = StepKind.DivideBothSides, Operand = a.ToString() });
        }

        var solution = new Solution(problem, AnswerShape.Expression)
        {
            Variable = variable,
            Result = root,
            Answer = $"{variable} = {printed}",
            ExactAnswers = [$"{variable} = {printed}"],
            DecimalAnswers = [$"{variable} ≈ {decimalText}"],
        };
        solution.Steps.AddRange(steps);
        solution.Step("Solution", $"{variable} = {printed} ≈ {decimalText}", StepKind.Answer);
        solution.Notes.AddRange(notes);
        return solution;
    }

    private static Shape? Read(Statement statement, string variable)
    {
        if (statement is not { Operator: RelationOperator.Equal, Right: { } right })
        {
            return null;
        }

        var (withVariable, number) = AlgebraicReader.HasVariables(statement.Left) ? (statement.Left, right) : (right, statement.Left);
        if (AlgebraicReader.HasVariables(number) || !AlgebraicReader.HasVariables(withVariable))
        {
            return null;
        }

        var (outer, argument) = withVariable switch
        {
            PowerExpression { Base: NumberExpression { Value: var b }, Exponent: var e } when b.Sign > 0 && b != Rational.One => (new FunctionOrPower(Outer.Power, b, string.Empty), e),
            FunctionExpression { Function: FunctionName.Exp } f => (new FunctionOrPower(Outer.Exp, Rational.Zero, "e"), f.Argument),
            FunctionExpression { Function: FunctionName.Log } f => (new FunctionOrPower(Outer.Log, f.Base, f.LogBase is { } b ? $"log_{b}" : "log"), f.Argument),
            FunctionExpression { Function: FunctionName.Ln } f => (new FunctionOrPower(Outer.Ln, Rational.Zero, "ln"), f.Argument),
            _ => (null, null),
        };
        if (outer is null || AlgebraicReader.TryToFraction(argument!) is not { IsPolynomial: true } inside)
        {
            return null;
        }

        var polynomial = inside.Numerator * Polynomial.Constant(inside.Denominator.ConstantTerm.Reciprocal());
        if (polynomial.Degree != 1 || polynomial.DegreeIn(variable) != 1 || polynomial.Variables().Any(v => v != variable))
        {
            return null;
        }

        ExactNumber value;
        try
        {
            value = AlgebraicReader.Evaluate(number);
        }
        catch (MathEngineException e) when (e.Code == ErrorCodes.Unsupported)
        {
            return null;
        }

        return value.TryGetRational(out var rational) ? new Shape(outer, polynomial, rational) : null;
    }
}
