using StudyHub.Math.Algebra;
using StudyHub.Math.Solving;
using StudyHub.Math.Syntax;

namespace StudyHub.Math.Teaching;

/// <summary>
/// The hint ladder from the homework-mode design: conceptual → directional → specific → review.
/// Hints are built from the solver's own first steps (so they match the worked solution the student
/// sees later) but stop before any result; every candidate passes <see cref="HintLeakGuard"/>.
/// </summary>
internal static class HintLadder
{
    private const string SafestHint = "Read the problem again and decide which operation was done last to the unknown; undo that first.";

    public static HintResult Hint(Solution solution, HintStage stage)
    {
        var rungs = Rungs(solution);
        var skill = Skill(solution);
        if (stage == HintStage.Review)
        {
            var review = Review(solution, skill);
            if (review is not null)
            {
                return review;
            }
        }

        // Walk down the ladder until a candidate passes the guard: a more general hint is always safer.
        var asked = stage == HintStage.Review ? HintStage.Specific : stage;
        for (var rung = asked; rung >= HintStage.Conceptual; rung--)
        {
            foreach (var candidate in rungs[rung])
            {
                if (!HintLeakGuard.Leaks(candidate, solution))
                {
                    return new HintResult { Level = (int)stage, Stage = rung, Kind = solution.Problem.Kind, Text = candidate, Skill = skill, IsFallback = rung != stage };
                }
            }
        }

        return new HintResult { Level = (int)stage, Stage = HintStage.Conceptual, Kind = solution.Problem.Kind, Text = SafestHint, Skill = skill, IsFallback = true };
    }

    private static HintResult? Review(Solution solution, string skill)
    {
        // A worked example from the variant generator: same method, different numbers. It is checked
        // like any hint, because a variant could by chance share the answer.
        var seed = VariantGenerator.StableSeed(solution.Problem.Normalized);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var variants = VariantGenerator.Generate(solution, 1, seed + attempt);
            if (variants.Count == 0)
            {
                break;
            }

            var example = variants[0];
            var text = $"Review: {skill}. Work through this similar example step by step, then try your problem again the same way.";
            var all = string.Join("\n", [text, example.Problem, example.Answer, .. example.Steps.Select(s => s.Description + " " + s.Expression)]);
            if (!HintLeakGuard.Leaks(all, solution))
            {
                return new HintResult
                {
                    Level = 4,
                    Stage = HintStage.Review,
                    Kind = solution.Problem.Kind,
                    Text = text,
                    Skill = skill,
                    Example = new WorkedExample { Problem = example.Problem, Answer = example.Answer, Steps = example.Steps },
                };
            }
        }

        return null;
    }

    public static string Skill(Solution solution) => solution.Problem.Kind switch
    {
        ProblemKind.Arithmetic when HasStep(solution, StepKind.CommonDenominator) => "Adding and subtracting fractions",
        ProblemKind.Arithmetic when HasStep(solution, StepKind.PercentAsFraction) => "Percentages of a quantity",
        ProblemKind.Arithmetic when solution.Problem.Single.Left.DescendantsAndSelf().Any(e => e is FunctionExpression { Function: FunctionName.Sqrt }) => "Simplifying square roots (radicals)",
        ProblemKind.Arithmetic => "Order of operations",
        ProblemKind.Evaluate => "Substituting values into expressions",
        ProblemKind.Simplify => "Simplifying algebraic expressions",
        ProblemKind.Expand => "Expanding brackets (the distributive law)",
        ProblemKind.Factor => "Factoring polynomials",
        ProblemKind.LinearEquation => "Solving linear equations",
        ProblemKind.LinearInequality => "Solving linear inequalities",
        ProblemKind.QuadraticInequality => "Solving quadratic inequalities",
        ProblemKind.AbsoluteValueEquation => "Solving absolute value equations",
        ProblemKind.AbsoluteValueInequality => "Solving absolute value inequalities",
        ProblemKind.ExponentialEquation => "Solving exponential equations",
        ProblemKind.LogarithmicEquation => "Solving logarithmic equations",
        ProblemKind.QuadraticEquation => "Solving quadratic equations",
        ProblemKind.PolynomialEquation => "Solving polynomial equations with the rational root test",
        ProblemKind.System => "Solving systems of linear equations by elimination",
        ProblemKind.SolveFor => "Rearranging formulas (solving for a variable)",
        ProblemKind.Derivative => "Differentiation rules",
        _ => "Algebra basics",
    };

    private static bool HasStep(Solution solution, StepKind kind) => solution.Steps.Any(s => s.Kind == kind);

    private static WorkedStep? StepOf(Solution solution, StepKind kind) => solution.Steps.FirstOrDefault(s => s.Kind == kind);

    private static Dictionary<HintStage, List<string>> Rungs(Solution solution)
    {
        var (conceptual, directional, specific) = solution.Problem.Kind switch
        {
            ProblemKind.LinearEquation or ProblemKind.LinearInequality => Linear(solution),
            ProblemKind.QuadraticEquation => Quadratic(solution),
            ProblemKind.PolynomialEquation => PolynomialEquation(solution),
            ProblemKind.System => SystemHints(solution),
            ProblemKind.SolveFor => SolveFor(solution),
            ProblemKind.Arithmetic => Arithmetic(solution),
            ProblemKind.Evaluate => Evaluate(solution),
            ProblemKind.Simplify => Simplify(solution),
            ProblemKind.Expand => Expand(solution),
            ProblemKind.Factor => Factor(solution),
            ProblemKind.Derivative => Derivative(solution),
            ProblemKind.QuadraticInequality => QuadraticInequality(solution),
            ProblemKind.AbsoluteValueEquation => AbsoluteValue(solution),
            ProblemKind.AbsoluteValueInequality => AbsoluteValueInequality(solution),
            ProblemKind.ExponentialEquation or ProblemKind.LogarithmicEquation => ExponentialOrLog(solution),
            _ => ("Decide which rule applies to this kind of problem.", "Start with the innermost part of the problem.", new List<string>()),
        };
        return new Dictionary<HintStage, List<string>>
        {
            [HintStage.Conceptual] = [conceptual],
            [HintStage.Directional] = [directional],
            [HintStage.Specific] = specific,
        };
    }

    private static (string, string, List<string>) Linear(Solution solution)
    {
        var v = solution.Variable ?? solution.Problem.TargetVariable ?? "x";
        var inequality = solution.Problem.Kind == ProblemKind.LinearInequality;
        var conceptual = inequality
            ? $"This is a linear inequality: solve it like an equation, getting {v} alone by undoing operations in reverse order, but flip the sign whenever you multiply or divide by a negative number."
            : $"This is a linear equation: get {v} alone by undoing operations in reverse order.";
        // The solver labels each move; the hint follows the label, not the wording of the step.
        var moveSteps = solution.Steps.Where(s => IsMove(s.Kind)).ToList();
        var moves = moveSteps.Select(s => s.Description).ToList();
        var first = moveSteps.FirstOrDefault();
        var directional = first?.Kind switch
        {
            StepKind.MultiplyBothSides => "Start by clearing the fractions: multiply both sides by a common denominator.",
            StepKind.Expand => "Start by expanding the brackets and combining like terms on each side.",
            StepKind.CollectLikeTerms => "Start by combining like terms on each side.",
            StepKind.SwapSides => $"Start by writing the side with {v} on the left.",
            StepKind.DivideBothSides or StepKind.FlipInequality => $"Start by undoing the multiplication on {v}.",
            StepKind.AddBothSides or StepKind.SubtractBothSides when first.Operand?.Contains(v, StringComparison.Ordinal) == true => $"Start by collecting the {v} terms on one side.",
            not null => $"Start by removing the constant term from the side with {v}.",
            null => $"Start by simplifying each side, then see whether {v} can still be isolated.",
        };
        var specific = new List<string>();
        if (moves.Count > 0)
        {
            var text = Sentence(moves[0]);
            if (moves.Count > 1 && !HasDigit(moves[0]))
            {
                specific.Add(text.TrimEnd('.') + ", then " + Lower(moves[1]) + ".");
            }

            specific.Add(text);
        }

        return (conceptual, directional, specific);
    }

    private static bool IsMove(StepKind kind) => kind is StepKind.SubtractBothSides or StepKind.AddBothSides or StepKind.DivideBothSides
        or StepKind.FlipInequality or StepKind.MultiplyBothSides or StepKind.Expand or StepKind.CollectLikeTerms or StepKind.SwapSides
        or StepKind.MoveAllTermsToOneSide;

    private static (string, string, List<string>) QuadraticInequality(Solution solution)
    {
        var v = solution.Variable ?? "x";
        var specific = new List<string>();
        if (solution.Steps.FirstOrDefault(s => s.Kind == StepKind.Factor) is { } factor)
        {
            specific.Add($"Factor the quadratic and find where it equals zero: {factor.Expression.Replace(" = 0", string.Empty, StringComparison.Ordinal)}. Then decide on which side of those values it is negative or positive.");
        }

        if (solution.Steps.Any(s => s.Kind == StepKind.Discriminant))
        {
            specific.Add("Check the discriminant: if it is negative the quadratic never changes sign, so it is either always positive or never.");
        }

        var flip = solution.Steps.Any(s => s.Kind == StepKind.FlipInequality) ? " (multiplying by a negative number flips the sign)" : string.Empty;
        return ("This is a quadratic inequality: find where the quadratic equals zero, then use the shape of the parabola to see where it is above or below zero.",
            $"Start by moving every term to one side and making the {v}^2 coefficient positive{flip}.",
            specific);
    }

    private static (string, string, List<string>) AbsoluteValue(Solution solution)
    {
        var split = solution.Steps.FirstOrDefault(s => s.Kind == StepKind.CaseSplit);
        var specific = new List<string>();
        if (split?.Operand is { } inside)
        {
            specific.Add($"Write two equations: {inside} equals the right side, or {inside} equals minus the right side. Solve each one and check it.");
        }

        return ("An absolute value measures distance from zero, so |A| = k means A = k or A = -k, and it can never equal a negative number.",
            "Start by getting the absolute value alone on one side.",
            specific);
    }

    private static (string, string, List<string>) AbsoluteValueInequality(Solution solution)
    {
        var specific = new List<string>();
        if (solution.Steps.FirstOrDefault(s => s.Kind == StepKind.CaseSplit) is { Operand: { } inside })
        {
            specific.Add($"Write the inequality without bars: {inside} between minus the number and the number for '<', or below minus the number or above the number for '>'. Then solve for the unknown.");
        }

        return ("|A| is the distance of A from zero: |A| < k means A is within k of zero (-k < A < k), and |A| > k means A is further than k from zero (A < -k or A > k).",
            "Start by getting the absolute value alone on one side, then decide whether the inequality asks for 'within' or 'further than'.",
            specific);
    }

    private static (string, string, List<string>) ExponentialOrLog(Solution solution)
    {
        var steps = solution.Steps;
        var specific = new List<string>();
        if (steps.Any(s => s.Kind == StepKind.SameBase))
        {
            specific.Add("Write the number on the right as a power of the same base; then the exponents must be equal.");
        }

        if (steps.Any(s => s.Kind == StepKind.TakeLogarithm))
        {
            specific.Add("Take the logarithm of both sides to bring the exponent down.");
        }

        if (steps.Any(s => s.Kind == StepKind.CombineLogarithms))
        {
            specific.Add("Combine the logarithms into one with log a + log b = log(ab), log a - log b = log(a/b) and n·log a = log(a^n); then undo the logarithm and check every candidate in the original equation.");
            return ("Logarithms with the same base combine: log a + log b = log(ab), log a - log b = log(a/b), n·log a = log(a^n); every logarithm's argument must stay positive.",
                "Start by combining the logarithms into a single logarithm.",
                specific);
        }

        if (steps.FirstOrDefault(s => s.Kind == StepKind.Exponentiate) is { Operand: { } b })
        {
            specific.Add($"Undo the logarithm: raise {b} to the power of each side.");
        }

        return solution.Problem.Kind == ProblemKind.LogarithmicEquation
            ? ("A logarithm asks 'which power?': log_b(A) = c means b^c = A, and A must be positive.", "Start by rewriting the logarithm as a power.", specific)
            : ("An exponential equation has the unknown in the exponent: use the same base on both sides, or logarithms.", "Start by seeing whether both sides can be written as powers of the same number.", specific);
    }

    private static (string, string, List<string>) Quadratic(Solution solution)
    {
        var v = solution.Variable ?? "x";
        var steps = solution.Steps;
        var moved = HasStep(solution, StepKind.MoveAllTermsToOneSide);
        var start = moved ? "Start by moving every term to one side so the equation reads … = 0, then " : "Start by ";
        if (StepOf(solution, StepKind.FactorPair) is { Operands: [var product, var sum] })
        {
            return ($"This is a quadratic equation: with everything on one side it can be factored, and a product is zero only when one of its factors is zero.",
                start + "factoring the quadratic into two brackets.",
                [$"Find two numbers that multiply to {product} and add to {sum}, then write the two brackets and set each one equal to zero."]);
        }

        if (steps.Any(s => s.Kind == StepKind.Factor && s.Operand == v))
        {
            return ($"This is a quadratic equation with no constant term: every term contains {v}, so {v} can be factored out.",
                start + $"taking {v} out as a common factor.",
                [$"Factor {v} out of every term, then use that a product is zero only when a factor is zero."]);
        }

        var isolate = StepOf(solution, StepKind.IsolateTerm);
        if (isolate is not null)
        {
            return ($"This quadratic has no {v} term: get {v}^2 alone, then take square roots, remembering both signs.",
                start + $"getting {v}^2 alone on one side.",
                [$"Write the equation as {isolate.Expression}, then take the square root of both sides and keep both the positive and the negative root.",
                    $"Take the square root of both sides once {v}^2 is alone, and keep both the positive and the negative root."]);
        }

        if (steps.FirstOrDefault(s => s.Kind == StepKind.QuadraticFormula && s.Operands.Count == 3) is { Operands: [var a, var b, var c] })
        {
            return ("This quadratic does not factor over the integers: use the quadratic formula.",
                start + "identifying a, b and c and computing the discriminant b^2 - 4ac.",
                [$"Use a = {a}, b = {b}, c = {c} in {v} = (-b ± √(b^2 - 4ac))/(2a); work out b^2 - 4ac first."]);
        }

        var factor = steps.FirstOrDefault(s => s.Kind == StepKind.Factor && s.Operand is null);
        return ("This is a quadratic equation: bring it to the form a·x^2 + b·x + c = 0, then factor or use the quadratic formula.",
            start + "trying to factor; if it does not factor, use the quadratic formula.",
            factor is null ? [] : ["Factor the quadratic (look at the factors of a·c), then set each factor equal to zero."]);
    }

    private static (string, string, List<string>) PolynomialEquation(Solution solution)
    {
        var constant = solution.Problem.Statements.Count == 1 ? ConstantOf(solution) : null;
        return ("This is a polynomial equation of degree 3 or more: find a rational root (a factor of the constant over a factor of the leading coefficient), then divide it out.",
            "Start by listing the possible rational roots and substituting them one at a time.",
            constant is null ? [] : [$"Substitute small divisors of {constant} (positive and negative) into the left side; when one gives 0, divide the polynomial by the matching factor."]);
    }

    private static string? ConstantOf(Solution solution)
    {
        var fraction = AlgebraicReader.TryToFraction(Build.Sum(solution.Problem.Single.Left, new NegateExpression(solution.Problem.Single.Right!)));
        return fraction is { IsPolynomial: true } ? fraction.Numerator.ConstantTerm.Abs().ToString() : null;
    }

    private static (string, string, List<string>) SystemHints(Solution solution)
    {
        var names = solution.Problem.Statements.SelectMany(s => AlgebraicReader.VariablesOf(s.Left).Concat(AlgebraicReader.VariablesOf(s.Right!))).Distinct().Order(StringComparer.Ordinal).ToList();
        var first = solution.Steps.FirstOrDefault(s => s.Kind is StepKind.ScaleEquation or StepKind.EliminateVariable);
        var specific = first switch
        {
            { Kind: StepKind.ScaleEquation, Operands: [var unknown, var row, var divisor] } =>
                [$"Divide the {Ordinal(row)} equation by {divisor} so that {unknown} has coefficient 1, then use it to eliminate {unknown} from the others."],
            { Kind: StepKind.EliminateVariable, Operands: [var unknown, var used, var changed] } =>
                [$"Add or subtract a multiple of the {Ordinal(used)} equation to the {Ordinal(changed)} equation so that the {unknown} terms cancel."],
            _ => new List<string>(),
        };
        return ("This is a system of linear equations: eliminate one unknown at a time by adding or subtracting multiples of the equations.",
            $"Start by choosing one unknown to eliminate, for example {names.FirstOrDefault() ?? "x"}.",
            specific);
    }

    private static string Ordinal(string number) => number switch
    {
        "1" => "first",
        "2" => "second",
        _ => "third",
    };

    private static (string, string, List<string>) SolveFor(Solution solution)
    {
        var v = solution.Variable ?? "y";
        var specific = new List<string>();
        if (StepOf(solution, StepKind.DivideBothSides) is { Operand: { } divisor })
        {
            specific.Add($"Move the terms without {v} to the other side, then divide both sides by {divisor}.");
        }

        specific.Add($"Move the terms without {v} to the other side, then divide by what multiplies {v}.");
        return ($"Treat every letter except {v} as a number and isolate {v} exactly as in a linear equation.",
            $"Start by moving every term that does not contain {v} to the other side.",
            specific);
    }

    private static (string, string, List<string>) Arithmetic(Solution solution)
    {
        if (StepOf(solution, StepKind.CommonDenominator) is { Operand: { } lcd })
        {
            return ("Fractions can only be added or subtracted when they have the same denominator.",
                "Start by finding the least common denominator of the fractions.",
                [$"Rewrite each fraction with the denominator {lcd} (multiply its top and bottom by the same number), then add or subtract the numerators and keep {lcd}."]);
        }

        var percent = StepOf(solution, StepKind.PercentAsFraction);
        if (percent is not null)
        {
            var parts = percent.Expression.Split(" = ");
            return ("Percent means \"out of 100\": p% of a quantity is p/100 times the quantity.",
                "Start by writing the percentage as a fraction or a decimal.",
                [$"Write {parts[0]} as {parts[^1]} and multiply it by the quantity.", $"Write {parts[0]} as a fraction over 100 and multiply it by the quantity."]);
        }

        if (StepOf(solution, StepKind.TakeOutSquareFactor) is { Operand: { } square })
        {
            return ("Simplify a square root by taking out square factors: a perfect square factor under the root comes out as its square root, √(a·a·b) = a√b.",
                "Start by looking for the largest perfect square that divides the number under the root.",
                [$"Take out the square factor {square} and take its square root outside the root sign.", "Split the number under the root into a perfect square times what is left."]);
        }

        var first = FirstOperation(solution.Problem.Single.Left);
        return ("Use the order of operations: brackets, then powers, then multiplication and division, then addition and subtraction, left to right.",
            "Start with the part that comes first in the order of operations.",
            first is null ? [] : [$"Work out {first} first."]);
    }

    /// <summary>The first sub-calculation by the order of operations (a power, else a product), printed, not evaluated.</summary>
    private static string? FirstOperation(Expression expression)
    {
        var power = Find(expression, e => e is PowerExpression);
        if (power is not null)
        {
            return power.ToString();
        }

        var product = Find(expression, e => e is ProductExpression);
        return product is not null && product != expression ? product.ToString() : null;
    }

    private static Expression? Find(Expression expression, Func<Expression, bool> predicate)
    {
        IEnumerable<Expression> children = expression switch
        {
            SumExpression sum => sum.Terms,
            ProductExpression product => product.Factors,
            ReciprocalExpression reciprocal => [reciprocal.Operand],
            NegateExpression negate => [negate.Operand],
            PowerExpression power => [power.Base, power.Exponent],
            FunctionExpression function => [function.Argument],
            _ => [],
        };
        foreach (var child in children)
        {
            if (Find(child, predicate) is { } found)
            {
                return found;
            }
        }

        return predicate(expression) ? expression : null;
    }

    private static (string, string, List<string>) Evaluate(Solution solution)
    {
        var substitute = StepOf(solution, StepKind.Substitute);
        return ("Substitute the given values for the letters, then calculate with the order of operations.",
            "Start by replacing each letter with its value, in brackets.",
            substitute is null ? [] : [$"{substitute.Description} to get {substitute.Expression}, then calculate powers and products before sums."]);
    }

    private static (string, string, List<string>) Simplify(Solution solution)
    {
        var expression = solution.Problem.Single.Left;
        var fraction = AlgebraicReader.TryToFraction(expression);
        if (fraction is { IsPolynomial: false })
        {
            return ("To simplify an algebraic fraction, factor the numerator and the denominator and cancel common factors (never single terms).",
                "Start by factoring the numerator and the denominator.",
                [$"Factor {EquationSolver.Bracket(fraction.Numerator)} and {EquationSolver.Bracket(fraction.Denominator)}, then cancel any factor they share.", "Factor the numerator and the denominator completely, then cancel any factor they share."]);
        }

        var brackets = expression.ToString().Contains('(', StringComparison.Ordinal);
        return ("Only like terms (same letters with the same powers) can be combined; when multiplying powers of the same base, add the exponents.",
            brackets ? "Start by expanding the brackets." : "Start by grouping the like terms together.",
            [brackets ? "Multiply each term inside a bracket by the factor in front of it, then add the coefficients of like terms." : "Add the coefficients of the terms that have exactly the same letters and powers."]);
    }

    private static (string, string, List<string>) Expand(Solution solution)
    {
        var expression = solution.Problem.Single.Left;
        if (expression is PowerExpression { Base: SumExpression sum } power)
        {
            return ("Expanding means multiplying out: a power of a bracket is the bracket multiplied by itself, and every term multiplies every term.",
                "Start by writing the power as repeated multiplication of the bracket.",
                [$"Write {power} as ({sum})({sum})…, then multiply {sum.Terms[0]} by each term of the next bracket before moving on to the next term."]);
        }

        var factors = expression is ProductExpression product ? product.Factors : [];
        var bracket = factors.FirstOrDefault(f => f is SumExpression) as SumExpression;
        var specific = new List<string>();
        if (bracket is not null && factors.Length >= 2)
        {
            var other = factors.First(f => f != bracket);
            specific.Add($"Multiply {Show(other)} by every term of ({bracket}), not only by {bracket.Terms[0]}.");
        }

        return ("Use the distributive law: every term in one bracket multiplies every term in the other.",
            "Start by multiplying the first term of the first bracket by each term of the second.",
            specific);
    }

    private static string Show(Expression expression) => expression is SumExpression ? $"each term of ({expression})" : expression.ToString();

    private static (string, string, List<string>) Factor(Solution solution)
    {
        if (StepOf(solution, StepKind.FactorPair) is { Operands: [var product, var sum] })
        {
            return ("To factor x^2 + bx + c, look for two numbers that multiply to c and add to b.",
                "Start by checking for a common factor, then look for the pair of numbers.",
                [$"Find two numbers that multiply to {product} and add to {sum}, then write one bracket for each."]);
        }

        if (HasStep(solution, StepKind.DifferenceOfSquares))
        {
            return ("This is a difference of two squares: a^2 - b^2 = (a - b)(a + b).",
                "Start by writing each term as a perfect square.",
                ["Find a and b with the first term = a^2 and the second term = b^2, then use a^2 - b^2 = (a - b)(a + b)."]);
        }

        var common = StepOf(solution, StepKind.CommonFactor);
        var fraction = AlgebraicReader.TryToFraction(solution.Problem.Single.Left);
        var coefficients = fraction?.Numerator.OrderedTerms().Select(t => t.Value.Abs().ToString()).ToList() ?? [];
        return ("Factoring starts with the greatest common factor of all the terms, then looks for a known pattern (trinomial, difference of squares).",
            common is not null ? "Start by taking out the greatest common factor of all the terms." : "Start by checking for a common factor, then try a known pattern or the rational roots.",
            coefficients.Count > 1 ? [$"Find the greatest common factor of the coefficients {string.Join(", ", coefficients)} and the lowest power of each letter, then divide every term by it."] : []);
    }

    private static (string, string, List<string>) Derivative(Solution solution)
    {
        var steps = solution.Steps.Where(s => RuleName(s.Kind) is not null).ToList();
        var v = solution.Problem.TargetVariable ?? "x";
        var specific = new List<string>();
        var first = steps.FirstOrDefault(s => s.Kind != StepKind.ConstantRule) ?? steps.FirstOrDefault();
        if (first is { Operand: { } term })
        {
            var power = first.Kind == StepKind.PowerRule ? ": bring the exponent down as a factor and lower the exponent by 1" : string.Empty;
            specific.Add($"Use the {RuleName(first.Kind)} on {term}{power}{(steps.Count > 1 ? "; then do the same for each remaining term" : string.Empty)}.");
        }

        return ($"Differentiate term by term: the power rule d/d{v} {v}^n = n·{v}^(n-1), constants give 0, and the product, quotient and chain rules handle the rest.",
            steps.Count > 1 ? "Start by splitting the expression into its terms and differentiating the first one." : "Start by deciding which rule the outermost operation needs.",
            specific);
    }

    private static string? RuleName(StepKind kind) => kind switch
    {
        StepKind.ConstantRule => "constant rule (the derivative of a constant is 0)",
        StepKind.VariableRule => "rule that the derivative of the variable is 1",
        StepKind.PowerRule => "power rule",
        StepKind.ProductRule => "product rule",
        StepKind.QuotientRule => "quotient rule",
        StepKind.ChainRule => "chain rule",
        StepKind.FunctionRule => "known derivative of the function",
        _ => null,
    };

    private static bool HasDigit(string text) => text.Any(char.IsAsciiDigit);

    private static string Sentence(string text) => text.EndsWith('.') ? text : text + ".";

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

}
