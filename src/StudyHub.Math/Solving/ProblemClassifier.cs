using StudyHub.Math.Algebra;
using StudyHub.Math.Numbers;
using StudyHub.Math.Reading;
using StudyHub.Math.Syntax;

namespace StudyHub.Math.Solving;

/// <summary>
/// Decides what kind of problem a reading is (linear, quadratic, |x|, exponential, a system …) and
/// works out the values it gives: the first move of solving, since both need algebra (a degree,
/// which solver's shape fits). The one place the kind is decided.
/// </summary>
internal static class ProblemClassifier
{
    public static ParsedProblem Classify(ReadProblem read)
    {
        var substitutions = new Dictionary<string, Rational>(StringComparer.Ordinal);
        foreach (var given in read.Substitutions)
        {
            substitutions[given.Variable] = ValueOf(given);
        }

        var target = read.TargetVariable;
        var kind = read.Kind ?? Classify(read.Statements, read.Instruction, ref target, substitutions);
        return new ParsedProblem(read.Original, kind, read.Instruction, read.Statements, target, substitutions, read.WantsExact)
        {
            AnswerIsPercent = read.AnswerIsPercent,
        };
    }

    private static Rational ValueOf(Substitution given)
    {
        if (given.Function is { } function)
        {
            return !AlgebraicReader.HasVariables(given.Value) && AlgebraicReader.Evaluate(given.Value).TryGetRational(out var argument)
                ? argument
                : throw new MathEngineException(ErrorCodes.Unsupported, $"Expected a number to evaluate {function} at (position {given.Position}).", given.Position);
        }

        if (AlgebraicReader.HasVariables(given.Value))
        {
            throw new MathEngineException(ErrorCodes.UnexpectedToken, $"Expected values like 'x = 3' at position {given.Position}.", given.Position);
        }

        return AlgebraicReader.Evaluate(given.Value).TryGetRational(out var rational)
            ? rational
            : throw new MathEngineException(ErrorCodes.Unsupported, "Substituted values must be rational numbers.", given.Position);
    }

    private static ProblemKind Classify(IReadOnlyList<Statement> statements, Instruction instruction, ref string? target, Dictionary<string, Rational> substitutions)
    {
        var relations = statements.Count(s => s.IsRelation);
        if (instruction == Instruction.Differentiate)
        {
            if (statements.Count != 1 || relations != 0)
            {
                throw new MathEngineException(ErrorCodes.Unsupported, "A derivative needs a single expression.");
            }

            return ProblemKind.Derivative;
        }

        if (relations != 0 && relations != statements.Count)
        {
            var bad = statements.First(s => !s.IsRelation);
            throw new MathEngineException(ErrorCodes.Unsupported, $"Expected an equation at position {bad.Position + 1}.", bad.Position + 1);
        }

        if (relations == 0)
        {
            if (statements.Count > 1)
            {
                throw new MathEngineException(ErrorCodes.Unsupported, "Several expressions at once are not supported; separate equations with commas.", statements[1].Position + 1);
            }

            var hasVariables = AlgebraicReader.HasVariables(statements[0].Left);
            if (substitutions.Count > 0)
            {
                return ProblemKind.Evaluate;
            }

            return instruction switch
            {
                Instruction.Factor => ProblemKind.Factor,
                Instruction.Expand => ProblemKind.Expand,
                Instruction.SolveFor or Instruction.Solve => throw new MathEngineException(ErrorCodes.Unsupported, "There is no equation to solve; add '= …'."),
                _ when !hasVariables => ProblemKind.Arithmetic,
                _ => ProblemKind.Simplify,
            };
        }

        if (relations > 1)
        {
            if (statements.Any(s => s.Operator != RelationOperator.Equal))
            {
                throw new MathEngineException(ErrorCodes.Unsupported, "Systems of inequalities are not supported.");
            }

            if (statements.Count > 3)
            {
                throw new MathEngineException(ErrorCodes.Unsupported, "Systems of more than 3 equations are not supported.");
            }

            return ProblemKind.System;
        }

        var single = statements[0];
        var variables = AlgebraicReader.VariablesOf(single.Left);
        variables.UnionWith(AlgebraicReader.VariablesOf(single.Right!));
        if (variables.Count == 0)
        {
            throw new MathEngineException(ErrorCodes.Unsupported, "There is no variable to solve for.");
        }

        if (target is not null && !variables.Contains(target))
        {
            throw new MathEngineException(ErrorCodes.Unsupported, $"The equation does not contain {target}.");
        }

        if (variables.Count > 1)
        {
            target ??= variables.Contains("y") ? "y" : variables.Contains("x") ? "x" : variables.Max;
            if (single.Operator != RelationOperator.Equal)
            {
                throw new MathEngineException(ErrorCodes.Unsupported, "Inequalities with several variables are not supported.");
            }

            return ProblemKind.SolveFor;
        }

        target ??= variables.Min;
        if (AbsoluteValueSolver.Classify(single, target!) is { } absolute)
        {
            return absolute;
        }

        if (ExponentialSolver.Classify(single, target!) is { } exponential)
        {
            return exponential;
        }

        var difference = AlgebraicReader.TryToFraction(Build.Sum(single.Left, new NegateExpression(single.Right!)))
            ?? throw new MathEngineException(ErrorCodes.Unsupported, "Equations with functions or roots of the variable are not supported yet.");
        var degree = difference.Numerator.DegreeIn(target!);
        if (single.Operator == RelationOperator.NotEqual)
        {
            throw new MathEngineException(ErrorCodes.Unsupported, "'≠' problems are not supported.");
        }

        if (single.Operator != RelationOperator.Equal)
        {
            if (degree > 2 || !difference.IsPolynomial)
            {
                throw new MathEngineException(ErrorCodes.Unsupported, "Only linear and quadratic inequalities are supported so far.");
            }

            return degree == 2 ? ProblemKind.QuadraticInequality : ProblemKind.LinearInequality;
        }

        return degree switch
        {
            <= 1 => ProblemKind.LinearEquation,
            2 => ProblemKind.QuadraticEquation,
            _ => ProblemKind.PolynomialEquation,
        };
    }
}
