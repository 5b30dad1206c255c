using StudyHub.Math.Algebra;
using StudyHub.Math.Numbers;
using StudyHub.Math.Reading;
using StudyHub.Math.Syntax;

namespace StudyHub.Math.Solving;

/// <summary>
/// One-variable equations and inequalities: linear (with the textbook moves), quadratic (factoring,
/// square roots or the formula, complex roots included) and higher degree via rational roots.
/// </summary>
internal static class EquationSolver
{
    public static Solution SolveLinear(ParsedProblem problem)
    {
        var variable = problem.TargetVariable!;
        var statement = problem.Single;
        var steps = new List<WorkedStep>();
        var notes = new List<string>();
        var (left, right, restrictions) = ClearDenominators(statement, variable, steps, notes);
        var op = statement.Operator!.Value;
        var isInequality = op != RelationOperator.Equal;
        if (left.CoefficientOf(variable, 1).IsZero && !right.CoefficientOf(variable, 1).IsZero)
        {
            // Students expect the unknown on the left: 1 = 2x becomes 2x = 1 (and < becomes >).
            (left, right) = (right, left);
            op = Flip(op);
            steps.Add(new WorkedStep("Swap the two sides", Relation(left, op, right)) { Kind = StepKind.SwapSides });
        }

        // Clear fractional coefficients so the remaining moves use whole numbers.
        var lcm = CoefficientLcm(left, right);
        if (lcm > Rational.One)
        {
            left = left.Scale(lcm);
            right = right.Scale(lcm);
            steps.Add(new WorkedStep($"Multiply both sides by {lcm} to clear the fractions", Relation(left, op, right)) { Kind = StepKind.MultiplyBothSides, Operand = lcm.ToString() });
        }

        var rightVariablePart = right - Polynomial.Constant(right.ConstantTerm);
        if (!rightVariablePart.IsZero)
        {
            left -= rightVariablePart;
            right -= rightVariablePart;
            steps.Add(MoveStep(rightVariablePart, Relation(left, op, right)));
        }

        var leftConstant = left.ConstantTerm;
        if (!leftConstant.IsZero)
        {
            left -= Polynomial.Constant(leftConstant);
            right -= Polynomial.Constant(leftConstant);
            steps.Add(MoveStep(Polynomial.Constant(leftConstant), Relation(left, op, right)));
        }

        var coefficient = left.CoefficientOf(variable, 1).ConstantTerm;
        var constant = right.ConstantTerm;
        if (coefficient.IsZero)
        {
            return Degenerate(problem, variable, op, constant, steps, notes);
        }

        var value = constant / coefficient;
        var flipped = isInequality && coefficient.Sign < 0 ? Flip(op) : op;
        if (!coefficient.IsOne)
        {
            var description = $"Divide both sides by {coefficient}";
            if (flipped != op)
            {
                description += " and flip the inequality sign (dividing by a negative number)";
            }

            steps.Add(new WorkedStep(description, $"{variable} {Statement.RelationText(flipped)} {value}") { Kind = flipped != op ? StepKind.FlipInequality : StepKind.DivideBothSides, Operand = coefficient.ToString() });
        }

        if (isInequality)
        {
            var interval = flipped switch
            {
                RelationOperator.Less => new SolutionInterval(variable, null, false, value, false),
                RelationOperator.LessOrEqual => new SolutionInterval(variable, null, false, value, true),
                RelationOperator.Greater => new SolutionInterval(variable, value, false, null, false),
                _ => new SolutionInterval(variable, value, true, null, false),
            };
            var inequality = new Solution(problem, AnswerShape.Interval)
            {
                Variable = variable,
                Interval = interval,
                Answer = interval.Inequality,
                ExactAnswers = [interval.Inequality, interval.IntervalNotation],
                DecimalAnswers = value.IsInteger ? [] : [$"{variable} {Statement.RelationText(flipped)} {value.ToDecimalString()}"],
            };
            inequality.Steps.AddRange(steps);
            inequality.Step("Write the answer in interval notation", interval.IntervalNotation, StepKind.IntervalNotation);
            inequality.Notes.AddRange(notes);
            return inequality;
        }

        return RootsSolution(problem, variable, [value], steps, notes, restrictions);
    }

    public static Solution SolvePolynomial(ParsedProblem problem)
    {
        var variable = problem.TargetVariable!;
        var steps = new List<WorkedStep>();
        var notes = new List<string>();
        var (left, right, restrictions) = ClearDenominators(problem.Single, variable, steps, notes);
        var polynomial = left - right;
        if (!right.IsZero)
        {
            steps.Add(new WorkedStep("Move all terms to one side", $"{polynomial} = 0") { Kind = StepKind.MoveAllTermsToOneSide });
        }

        var dense = polynomial.ToDense(variable)!;
        var integer = Factorizer.ToPrimitiveInteger(new UnivariatePolynomial(dense));
        var integerPolynomial = integer.ToPolynomial(variable);
        if (!integerPolynomial.Equals(polynomial))
        {
            var factor = integer.Leading / dense[^1];
            steps.Add(new WorkedStep(factor.Sign > 0 && factor > Rational.One ? $"Multiply both sides by {factor}" : $"Divide both sides by {factor.Reciprocal()}", $"{integerPolynomial} = 0") { Kind = factor.Sign > 0 && factor > Rational.One ? StepKind.MultiplyBothSides : StepKind.DivideBothSides });
        }

        if (integer.Degree == 2)
        {
            return SolveQuadratic(problem, variable, integer, steps, notes, restrictions);
        }

        // Higher degree: peel off rational roots, then finish any quadratic factor with the formula.
        var factors = Factorizer.FactorUnivariate(integer, null);
        var roots = new List<ExactNumber>();
        var factorText = string.Concat(factors.Select(f => "(" + f.Factor.ToPolynomial(variable) + ")" + (f.Multiplicity > 1 ? "^" + f.Multiplicity : string.Empty)));
        foreach (var root in Factorizer.RationalRoots(integer))
        {
            steps.Add(new WorkedStep($"Test rational roots (factors of the constant over factors of the leading coefficient): {variable} = {root} gives 0", $"({new UnivariatePolynomial([-root.Numerator, root.Denominator]).ToPolynomial(variable)}) is a factor") { Kind = StepKind.RationalRootTest, Operand = root.ToString() });
        }

        steps.Add(new WorkedStep("Factor", $"{factorText} = 0") { Kind = StepKind.Factor });
        steps.Add(new WorkedStep("Set each factor equal to zero", string.Join(" or ", factors.Select(f => $"{f.Factor.ToPolynomial(variable)} = 0"))) { Kind = StepKind.SetFactorsToZero });
        foreach (var (factor, _) in factors)
        {
            switch (factor.Degree)
            {
                case 1:
                    roots.Add(-factor[0] / factor[1]);
                    break;
                case 2:
                    roots.AddRange(QuadraticRoots(factor[2], factor[1], factor[0]));
                    steps.Add(new WorkedStep($"Apply the quadratic formula to {factor.ToPolynomial(variable)} = 0", FormatRoots(variable, QuadraticRoots(factor[2], factor[1], factor[0]))) { Kind = StepKind.QuadraticFormula });
                    break;
                default:
                    throw new MathEngineException(ErrorCodes.Unsupported, $"The factor {factor.ToPolynomial(variable)} has no rational roots; exact roots of this degree are not supported.");
            }
        }

        return RootsSolution(problem, variable, roots, steps, notes, restrictions);
    }

    private static Solution SolveQuadratic(ParsedProblem problem, string variable, UnivariatePolynomial p, List<WorkedStep> steps, List<string> notes, List<Polynomial> restrictions)
    {
        var a = p[2];
        var b = p[1];
        var c = p[0];
        var x = Polynomial.Variable(variable);
        List<ExactNumber> roots;
        if (c.IsZero)
        {
            var inner = Polynomial.FromDense([b, a], variable);
            steps.Add(new WorkedStep($"Factor out {variable}", $"{variable}({inner}) = 0") { Kind = StepKind.Factor, Operand = variable });
            steps.Add(new WorkedStep("Set each factor equal to zero", $"{variable} = 0 or {inner} = 0") { Kind = StepKind.SetFactorsToZero });
            roots = [Rational.Zero, -b / a];
        }
        else if (b.IsZero)
        {
            var square = -c / a;
            steps.Add(new WorkedStep($"Isolate {variable}^2", $"{variable}^2 = {square}") { Kind = StepKind.IsolateTerm, Operand = $"{variable}^2" });
            roots = [ExactNumber.Sqrt(square), -ExactNumber.Sqrt(square)];
            steps.Add(new WorkedStep("Take the square root of both sides (both signs)", FormatRoots(variable, roots)) { Kind = StepKind.SquareRootBothSides });
            if (square.Sign < 0)
            {
                notes.Add("A square cannot be negative for real numbers, so there are no real solutions; the solutions are complex.");
            }
        }
        else
        {
            var discriminant = (b * b) - (4 * a * c);
            var rational = Factorizer.RationalRoots(p);
            if (discriminant.Sign >= 0 && rational.Count > 0)
            {
                var factorization = Factorizer.Factor(p.ToPolynomial(variable));
                if (a.IsOne && b.IsInteger && c.IsInteger && rational.All(r => r.IsInteger))
                {
                    var r1 = -rational[0];
                    var r2 = rational.Count > 1 ? -rational[1] : r1;
                    steps.Add(new WorkedStep($"Find two numbers that multiply to {c} and add to {b}: {r1} and {r2}", $"{factorization} = 0") { Kind = StepKind.FactorPair, Operands = [c.ToString(), b.ToString()] });
                }
                else
                {
                    steps.Add(new WorkedStep("Factor", $"{factorization} = 0") { Kind = StepKind.Factor });
                }

                if (discriminant.IsZero)
                {
                    steps.Add(new WorkedStep("The factor is repeated, so there is one (double) solution", $"{variable} = {rational[0]}") { Kind = StepKind.SetFactorsToZero });
                    roots = [rational[0]];
                }
                else
                {
                    steps.Add(new WorkedStep("Set each factor equal to zero", string.Join(" or ", factorization.Factors.Select(f => $"{f.Factor} = 0"))) { Kind = StepKind.SetFactorsToZero });
                    roots = [.. rational.Select(r => (ExactNumber)r)];
                }
            }
            else
            {
                steps.Add(new WorkedStep($"Apply the quadratic formula with a = {a}, b = {b}, c = {c}", $"{variable} = (-b ± √(b^2 - 4ac))/(2a)") { Kind = StepKind.QuadraticFormula, Operands = [a.ToString(), b.ToString(), c.ToString()] });
                steps.Add(new WorkedStep("Compute the discriminant", $"b^2 - 4ac = {discriminant}") { Kind = StepKind.Discriminant, Operand = discriminant.ToString() });
                roots = QuadraticRoots(a, b, c);
                if (discriminant.Sign < 0)
                {
                    notes.Add("The discriminant is negative, so there are no real solutions; the solutions are complex.");
                }

                steps.Add(new WorkedStep("Simplify", FormatRoots(variable, roots)) { Kind = StepKind.Simplify });
            }
        }

        _ = x;
        return RootsSolution(problem, variable, roots, steps, notes, restrictions);
    }

    /// <summary>The roots of a linear or quadratic factor (complex ones included); null for a higher degree.</summary>
    public static List<ExactNumber>? RootsOf(UnivariatePolynomial factor) => factor.Degree switch
    {
        1 => [-factor[0] / factor[1]],
        2 => QuadraticRoots(factor[2], factor[1], factor[0]),
        _ => null,
    };

    public static List<ExactNumber> QuadraticRoots(Rational a, Rational b, Rational c)
    {
        var discriminant = (b * b) - (4 * a * c);
        ExactNumber center = -b / (2 * a);
        var spread = ExactNumber.Sqrt(discriminant) / (ExactNumber)(2 * a).Abs();
        if (discriminant.IsZero)
        {
            return [center];
        }

        return [center + spread, center - spread];
    }

    /// <summary>"x = 4", "x = 2 or x = 3", "x = (5 ± √13)/2" for conjugate pairs.</summary>
    public static string FormatRoots(string variable, IReadOnlyList<ExactNumber> roots)
    {
        if (roots.Count == 0)
        {
            return "no solution";
        }

        if (roots.Count == 2 && !roots[0].IsRational && roots[0].RationalPart == roots[1].RationalPart && (roots[0] + roots[1]).IsRational)
        {
            return $"{variable} = {PlusMinus(roots[0])}";
        }

        return string.Join(" or ", roots.Select(r => $"{variable} = {r}"));
    }

    /// <summary>p ± q written the way a textbook does: (5 ± √13)/2, ±√3/2, 1 ± i.</summary>
    public static string PlusMinus(ExactNumber root)
    {
        var center = root.RationalPart;
        var spread = root - center;
        if (spread.Terms.Values.All(v => v.Sign < 0))
        {
            spread = -spread;
        }

        if (center.IsZero)
        {
            return "±" + spread;
        }

        var text = ((ExactNumber)center + spread).ToString();
        var plus = text.IndexOf(" + ", StringComparison.Ordinal);
        return plus < 0 ? text : text[..plus] + " ± " + text[(plus + 3)..];
    }

    internal static Solution RootsSolution(ParsedProblem problem, string variable, List<ExactNumber> roots, List<WorkedStep> steps, List<string> notes, List<Polynomial> restrictions)
    {
        var valid = new List<ExactNumber>();
        foreach (var root in roots.Distinct())
        {
            if (root.TryGetRational(out var r) && restrictions.Any(d => d.Evaluate(new Dictionary<string, Rational> { [variable] = r }).IsZero))
            {
                notes.Add($"{variable} = {r} makes a denominator zero, so it is not a solution.");
                continue;
            }

            valid.Add(root);
        }

        var ordered = valid.OrderBy(v => v.IsReal ? 0 : 1).ThenBy(v => v.RealPartDouble()).ThenByDescending(v => v.ImaginaryPartDouble()).ToList();
        var answer = FormatRoots(variable, ordered);
        var solution = new Solution(problem, AnswerShape.Roots)
        {
            Variable = variable,
            Values = ordered,
            Answer = answer,
            ExactAnswers = ordered.Count == 0 ? [answer] : [.. ordered.Select(r => $"{variable} = {r}")],
            DecimalAnswers = [.. ordered.Select(r => $"{variable} ≈ {r.ToDecimalString()}")],
        };
        solution.Steps.AddRange(steps);
        if (steps.Count == 0 || steps[^1].Expression != answer)
        {
            solution.Step(ordered.Count == 0 ? "There is no solution" : "Solution", answer, StepKind.Answer);
        }

        solution.Notes.AddRange(notes);
        return solution;
    }

    private static Solution Degenerate(ParsedProblem problem, string variable, RelationOperator op, Rational constant, List<WorkedStep> steps, List<string> notes)
    {
        var holds = op switch
        {
            RelationOperator.Equal => constant.IsZero,
            RelationOperator.Less => constant.Sign > 0,
            RelationOperator.LessOrEqual => constant.Sign >= 0,
            RelationOperator.Greater => constant.Sign < 0,
            _ => constant.Sign <= 0,
        };
        var statement = $"0 {Statement.RelationText(op)} {constant}";
        var answer = holds ? $"all real {variable}" : "no solution";
        if (op == RelationOperator.Equal)
        {
            var roots = new Solution(problem, AnswerShape.Roots) { Variable = variable, AllValues = holds, Answer = answer, ExactAnswers = [answer] };
            roots.Steps.AddRange(steps);
            roots.Step(holds ? $"{statement} is always true: every {variable} is a solution" : $"{statement} is false: there is no solution", answer, StepKind.Degenerate);
            roots.Notes.AddRange(notes);
            return roots;
        }

        var interval = holds ? new SolutionInterval(variable, null, false, null, false) : null;
        var solution = new Solution(problem, AnswerShape.Interval) { Variable = variable, Interval = interval, Answer = answer, ExactAnswers = [answer] };
        solution.Steps.AddRange(steps);
        solution.Step(holds ? $"{statement} is always true" : $"{statement} is never true", answer, StepKind.Degenerate);
        solution.Notes.AddRange(notes);
        return solution;
    }

    /// <summary>
    /// Reads both sides; when the variable appears in a denominator, multiplies both sides by the
    /// denominators and remembers them so roots that make a denominator zero are rejected.
    /// </summary>
    public static (Polynomial Left, Polynomial Right, List<Polynomial> Restrictions) ClearDenominators(Statement statement, string variable, List<WorkedStep> steps, List<string> notes)
    {
        var left = AlgebraicReader.ToFraction(statement.Left);
        var right = AlgebraicReader.ToFraction(statement.Right!);
        var restrictions = new List<Polynomial>();
        var op = statement.Operator!.Value;
        if (!left.IsPolynomial || !right.IsPolynomial)
        {
            var denominator = left.Denominator.Equals(right.Denominator) ? left.Denominator : left.Denominator * right.Denominator;
            restrictions.Add(denominator);
            var newLeft = left.Numerator * (denominator.TryDivideExactly(left.Denominator) ?? Polynomial.One);
            var newRight = right.Numerator * (denominator.TryDivideExactly(right.Denominator) ?? Polynomial.One);
            steps.Add(new WorkedStep($"Multiply both sides by {Bracket(denominator)} ({Bracket(denominator)} ≠ 0)", Relation(newLeft, op, newRight)) { Kind = StepKind.MultiplyBothSides, Operand = denominator.ToString() });
            notes.Add($"{denominator} ≠ 0");
            return (newLeft, newRight, restrictions);
        }

        var l = left.Numerator;
        var r = right.Numerator;
        var original = statement.ToString();
        var simplified = Relation(l, op, r);
        if (original != simplified)
        {
            var hasBrackets = original.Contains('(', StringComparison.Ordinal);
            steps.Add(new WorkedStep(hasBrackets ? "Expand the brackets and combine like terms" : "Combine like terms", simplified) { Kind = hasBrackets ? StepKind.Expand : StepKind.CollectLikeTerms });
        }

        _ = variable;
        return (l, r, restrictions);
    }

    public static string Relation(Polynomial left, RelationOperator op, Polynomial right) => $"{left} {Statement.RelationText(op)} {right}";

    public static string Bracket(Polynomial polynomial) => polynomial.TermCount > 1 ? "(" + polynomial + ")" : polynomial.ToString();

    /// <summary>Removing a term from the left: "Subtract 3 from both sides" or, for a negative term, "Add 3 to both sides".</summary>
    private static WorkedStep MoveStep(Polynomial term, string result)
    {
        var negative = term.OrderedTerms().First().Value.Sign < 0;
        var shown = negative ? -term : term;
        var text = shown.TermCount > 1 ? "(" + shown + ")" : shown.ToString();
        return negative
            ? new WorkedStep($"Add {text} to both sides", result) { Kind = StepKind.AddBothSides, Operand = shown.ToString() }
            : new WorkedStep($"Subtract {text} from both sides", result) { Kind = StepKind.SubtractBothSides, Operand = shown.ToString() };
    }

    private static Rational CoefficientLcm(Polynomial left, Polynomial right)
    {
        var lcm = System.Numerics.BigInteger.One;
        foreach (var c in left.Terms.Values.Concat(right.Terms.Values))
        {
            lcm = lcm / System.Numerics.BigInteger.GreatestCommonDivisor(lcm, c.Denominator) * c.Denominator;
        }

        return new Rational(lcm);
    }

    public static RelationOperator Flip(RelationOperator op) => op switch
    {
        RelationOperator.Less => RelationOperator.Greater,
        RelationOperator.LessOrEqual => RelationOperator.GreaterOrEqual,
        RelationOperator.Greater => RelationOperator.Less,
        RelationOperator.GreaterOrEqual => RelationOperator.LessOrEqual,
        _ => op,
    };
}
