using System.Globalization;
using StudyHub.Math.Algebra;
using StudyHub.Math.Numbers;
using StudyHub.Math.Reading;
using StudyHub.Math.Syntax;

namespace StudyHub.Math.Solving;

/// <summary>
/// Systems of 2–3 linear equations by elimination (Gauss–Jordan on exact rationals), and solving a
/// single equation for a named variable.
/// </summary>
internal static class SystemSolver
{
    public static Solution SolveSystem(ParsedProblem problem)
    {
        var equations = new List<Polynomial>();
        foreach (var statement in problem.Statements)
        {
            var difference = AlgebraicReader.ToFraction(Build.Sum(statement.Left, new NegateExpression(statement.Right!)));
            if (!difference.IsPolynomial || difference.Numerator.Degree > 1)
            {
                throw new MathEngineException(ErrorCodes.Unsupported, $"Only linear systems are supported (position {statement.Position + 1}).", statement.Position + 1);
            }

            equations.Add(difference.Numerator);
        }

        var variables = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var equation in equations)
        {
            variables.UnionWith(equation.Variables());
        }

        if (variables.Count is 0 or > 3)
        {
            throw new MathEngineException(ErrorCodes.Unsupported, "Systems need 1 to 3 unknowns.");
        }

        var names = variables.ToList();
        var rows = equations.Select(e => names.Select(v => e.CoefficientOf(v, 1).ConstantTerm).Append(-e.ConstantTerm).ToArray()).ToList();
        var solution = Eliminate(problem, names, rows);
        return solution;
    }

    private static Solution Eliminate(ParsedProblem problem, List<string> names, List<Rational[]> rows)
    {
        var steps = new List<WorkedStep> { new("Write each equation with the unknowns on the left", string.Join(", ", rows.Select(r => RowText(names, r)))) { Kind = StepKind.StandardForm } };
        var pivotColumns = new List<int>();
        var pivotRow = 0;
        for (var column = 0; column < names.Count && pivotRow < rows.Count; column++)
        {
            var found = Enumerable.Range(pivotRow, rows.Count - pivotRow).FirstOrDefault(r => !rows[r][column].IsZero, -1);
            if (found < 0)
            {
                continue;
            }

            (rows[pivotRow], rows[found]) = (rows[found], rows[pivotRow]);
            var pivot = rows[pivotRow][column];
            if (!pivot.IsOne)
            {
                rows[pivotRow] = [.. rows[pivotRow].Select(v => v / pivot)];
                steps.Add(new WorkedStep($"Divide equation {pivotRow + 1} by {pivot}", RowText(names, rows[pivotRow]))
                {
                    Kind = StepKind.ScaleEquation,
                    Operand = pivot.ToString(),
                    Operands = [names[column], (pivotRow + 1).ToString(CultureInfo.InvariantCulture), pivot.ToString()],
                });
            }

            for (var r = 0; r < rows.Count; r++)
            {
                if (r == pivotRow || rows[r][column].IsZero)
                {
                    continue;
                }

                var factor = rows[r][column];
                rows[r] = [.. rows[r].Select((v, i) => v - (factor * rows[pivotRow][i]))];
                var verb = factor.Sign > 0 ? $"Subtract {(factor.IsOne ? string.Empty : factor + " × ")}equation {pivotRow + 1} from equation {r + 1}" : $"Add {(factor == Rational.MinusOne ? string.Empty : -factor + " × ")}equation {pivotRow + 1} to equation {r + 1}";
                steps.Add(new WorkedStep($"{verb} to eliminate {names[column]}", RowText(names, rows[r]))
                {
                    Kind = StepKind.EliminateVariable,
                    Operand = names[column],
                    Operands = [names[column], (pivotRow + 1).ToString(CultureInfo.InvariantCulture), (r + 1).ToString(CultureInfo.InvariantCulture)],
                });
            }

            pivotColumns.Add(column);
            pivotRow++;
        }

        var inconsistent = rows.Any(r => r.Take(names.Count).All(v => v.IsZero) && !r[^1].IsZero);
        if (inconsistent)
        {
            var row = rows.First(r => r.Take(names.Count).All(v => v.IsZero) && !r[^1].IsZero);
            var none = new Solution(problem, AnswerShape.SystemValues) { Dependent = false, Answer = "no solution", ExactAnswers = ["no solution"] };
            none.Steps.AddRange(steps);
            none.Step($"0 = {row[^1]} is impossible, so the system has no solution", "no solution", StepKind.ReadOffSolution);
            return none;
        }

        if (pivotColumns.Count < names.Count)
        {
            // Infinitely many: write each pivot unknown in terms of the free ones.
            var free = Enumerable.Range(0, names.Count).Except(pivotColumns).ToList();
            var parts = new List<string>();
            for (var i = 0; i < pivotColumns.Count; i++)
            {
                var expression = Polynomial.Constant(rows[i][^1]);
                foreach (var f in free)
                {
                    expression -= Polynomial.Term(rows[i][f], Monomial.Of(names[f]));
                }

                parts.Add($"{names[pivotColumns[i]]} = {expression}");
            }

            var answer = "infinitely many solutions: " + string.Join(", ", parts) + ", " + string.Join(", ", free.Select(f => $"{names[f]} any real number"));
            var many = new Solution(problem, AnswerShape.SystemValues) { Dependent = true, Answer = answer, ExactAnswers = [answer] };
            many.Steps.AddRange(steps);
            many.Step("An equation became 0 = 0, so the system has infinitely many solutions", answer, StepKind.ReadOffSolution);
            return many;
        }

        var values = new Dictionary<string, ExactNumber>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            values[names[pivotColumns[i]]] = rows[i][^1];
        }

        var text = string.Join(", ", names.Select(n => $"{n} = {values[n]}"));
        var unique = new Solution(problem, AnswerShape.SystemValues)
        {
            SystemValues = values,
            Answer = text,
            ExactAnswers = [.. names.Select(n => $"{n} = {values[n]}")],
            DecimalAnswers = [.. names.Select(n => $"{n} ≈ {values[n].ToDecimalString()}")],
        };
        unique.Steps.AddRange(steps);
        unique.Step("Read off the solution", text, StepKind.ReadOffSolution);
        return unique;
    }

    private static string RowText(List<string> names, Rational[] row)
    {
        var left = Polynomial.Zero;
        for (var i = 0; i < names.Count; i++)
        {
            left += Polynomial.Term(row[i], Monomial.Of(names[i]));
        }

        return $"{left} = {row[^1]}";
    }

    public static Solution SolveFor(ParsedProblem problem)
    {
        var variable = problem.TargetVariable!;
        var statement = problem.Single;
        var steps = new List<WorkedStep>();
        var notes = new List<string>();
        var (left, right, _) = EquationSolver.ClearDenominators(statement, variable, steps, notes);
        var difference = left - right;
        var degree = difference.DegreeIn(variable);
        if (degree != 1)
        {
            throw new MathEngineException(ErrorCodes.Unsupported, degree == 0 ? $"The equation does not contain {variable}." : $"Solving for {variable} when it appears squared or higher is not supported yet.");
        }

        // Keep the target's terms on the side where they already are, move everything else across.
        var targetOnLeft = !left.CoefficientOf(variable, 1).IsZero;
        var coefficient = targetOnLeft ? difference.CoefficientOf(variable, 1) : -difference.CoefficientOf(variable, 1);
        var rest = targetOnLeft ? -difference.CoefficientOf(variable, 0) : difference.CoefficientOf(variable, 0);
        var isolated = Polynomial.Term(Rational.One, Monomial.Of(variable)) * coefficient;
        steps.Add(new WorkedStep($"Move the terms without {variable} to the other side", $"{isolated} = {rest}") { Kind = StepKind.SubtractBothSides });

        Algebra.PolynomialFraction result;
        if (coefficient.IsConstant)
        {
            result = Algebra.PolynomialFraction.FromPolynomial(rest.Scale(coefficient.ConstantTerm.Reciprocal()));
            if (!coefficient.ConstantTerm.IsOne)
            {
                steps.Add(new WorkedStep($"Divide both sides by {coefficient}", $"{variable} = {FormatOver(rest, coefficient.ConstantTerm)}") { Kind = StepKind.DivideBothSides, Operand = coefficient.ToString() });
            }
        }
        else
        {
            steps.Add(new WorkedStep($"Factor out {variable}", $"{variable}({coefficient}) = {rest}") { Kind = StepKind.Factor, Operand = variable });
            result = new Algebra.PolynomialFraction(rest, coefficient).Reduce().Reduced;
            steps.Add(new WorkedStep($"Divide both sides by ({coefficient})", $"{variable} = {result}") { Kind = StepKind.DivideBothSides, Operand = $"({coefficient})" });
            notes.Add($"{coefficient} ≠ 0");
        }

        var text = coefficient.IsConstant ? FormatOver(rest, coefficient.ConstantTerm) : result.ToString();
        var answer = $"{variable} = {text}";
        var solution = new Solution(problem, AnswerShape.Expression)
        {
            Variable = variable,
            Result = Parser.ParseExpression(text),
            Answer = answer,
            ExactAnswers = [answer],
        };
        solution.Steps.AddRange(steps);
        solution.Notes.AddRange(notes);
        return solution;
    }

    /// <summary>"(12 - 2x)/3": positive term first when the numerator is a sum, as textbooks write it.</summary>
    private static string FormatOver(Polynomial numerator, Rational denominator)
    {
        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        var ordered = numerator.OrderedTerms().ToList();
        var firstPositive = ordered.FindIndex(t => t.Value.Sign > 0);
        if (firstPositive > 0)
        {
            var term = ordered[firstPositive];
            ordered.RemoveAt(firstPositive);
            ordered.Insert(0, term);
        }

        var text = Polynomial.Format(ordered);
        if (denominator.IsOne)
        {
            return text;
        }

        if (!denominator.IsInteger || ordered.Any(t => !t.Value.IsInteger))
        {
            return Polynomial.Format(ordered.Select(t => new KeyValuePair<Monomial, Rational>(t.Key, t.Value / denominator)));
        }

        return (ordered.Count > 1 ? "(" + text + ")" : text) + "/" + denominator;
    }
}
