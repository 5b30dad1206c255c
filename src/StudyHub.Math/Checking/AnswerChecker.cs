using System.Text.RegularExpressions;
using StudyHub.Math.Algebra;
using StudyHub.Math.Numbers;
using StudyHub.Math.Reading;
using StudyHub.Math.Solving;
using StudyHub.Math.Syntax;

namespace StudyHub.Math.Checking;

/// <summary>
/// Compares a student's answer with a solution. Equivalent forms count; the requested form
/// (simplified, factored, expanded, exact) decides between Correct and EquivalentButNotInRequestedForm.
/// </summary>
internal static partial class AnswerChecker
{
    public static CheckResult Check(Solution solution, string answer)
    {
        try
        {
            EnsureLength(answer);
            var text = AnswerText.Normalize(answer);
            var singleValue = solution.Shape == AnswerShape.Number || (solution.Shape == AnswerShape.Roots && solution.Values.Count == 1 && !solution.AllValues);
            text = AnswerText.ReadDecimalComma(text, singleValue);
            var verdict = solution.Shape switch
            {
                AnswerShape.Number => CheckNumber(solution, text),
                AnswerShape.Roots => CheckRoots(solution, text),
                AnswerShape.Interval => CheckInterval(solution, text),
                AnswerShape.SystemValues => CheckSystem(solution, text),
                _ => CheckExpression(solution, text),
            };
            return verdict with { ExpectedAnswer = solution.Answer, StudentAnswer = answer };
        }
        catch (MathEngineException e) when (e.Code != ErrorCodes.Internal)
        {
            return new CheckResult
            {
                Outcome = CheckOutcome.Incorrect,
                Reason = IncorrectReason.Unreadable,
                Message = "Could not read the answer: " + e.Message,
                ExpectedAnswer = solution.Answer,
                StudentAnswer = answer,
            };
        }
    }

    /// <summary>
    /// An answer may use the letters the problem uses (and x, y, z); any other run of letters is a
    /// word the student wrote, refused as not understood instead of read as a product of variables.
    /// </summary>
    private static Vocabulary Words(Solution solution, string answer) =>
        Vocabulary.For(solution.Problem.Original + " " + answer, [solution.Problem.TargetVariable, solution.Variable]);

    private static CheckResult Verdict(CheckOutcome outcome, IncorrectReason reason = IncorrectReason.None, string? message = null) =>
        new() { Outcome = outcome, Reason = reason, Message = message, ExpectedAnswer = string.Empty, StudentAnswer = string.Empty };

    private static CheckResult Correct(string? message = null) => Verdict(CheckOutcome.Correct, message: message);

    private static CheckResult Incorrect(IncorrectReason reason, string message) => Verdict(CheckOutcome.Incorrect, reason, message);

    private static void EnsureLength(string answer)
    {
        var limit = WorkMeter.CurrentLimits.MaxInputLength;
        if (answer.Length > limit)
        {
            throw new MathEngineException(ErrorCodes.InputLength, $"The answer is longer than {limit} characters.");
        }
    }

    // ---- numbers -------------------------------------------------------------------------------

    private static CheckResult CheckNumber(Solution solution, string answer)
    {
        EnsureLength(answer);
        if (solution.Problem.AnswerIsPercent && CheckPercent(solution, answer) is { } percent)
        {
            return percent;
        }

        var statements = Parser.ParseStatements(answer, vocabulary: Words(solution, answer));
        var expression = ValueSide(statements[0]);
        var expected = solution.Values[0];
        var comparison = CompareValue(expression, expected, solution.Problem.WantsExact);
        if (comparison.Verdict is { } verdict)
        {
            return verdict;
        }

        if (solution.Problem.Instruction == Instruction.Simplify || solution.Problem.Kind == ProblemKind.Arithmetic && HasRadical(solution.Problem.Single.Left))
        {
            var student = ExpressionPrinter.Print(expression);
            if (student == ExpressionPrinter.Print(solution.Problem.Single.Left))
            {
                return Incorrect(IncorrectReason.NotSimplified, "Not simplified: the answer repeats the problem.");
            }

            if (!IsSimplestNumber(expression, expected))
            {
                return Verdict(CheckOutcome.EquivalentButNotInRequestedForm, message: $"Equivalent, but not in simplest form: write it as {expected}.");
            }
        }

        return Correct(comparison.Note);
    }

    /// <summary>
    /// The question asks for a percentage and the value is in percent: "50" and "50%" are the same answer.
    /// "0.5" is the same amount written as a fraction, so it counts but is not the form asked for.
    /// </summary>
    private static CheckResult? CheckPercent(Solution solution, string answer)
    {
        var expected = solution.Values[0];
        var trimmed = answer.TrimEnd();
        var statements = Parser.ParseStatements(trimmed.EndsWith('%') ? trimmed[..^1] : trimmed, vocabulary: Words(solution, answer));
        if (statements.Count != 1)
        {
            return null;
        }

        var comparison = CompareValue(ValueSide(statements[0]), expected, solution.Problem.WantsExact);
        if (comparison.Equal)
        {
            return Correct(comparison.Note);
        }

        if (!trimmed.EndsWith('%') && CompareValue(ValueSide(statements[0]), expected / (ExactNumber)new Rational(100), solution.Problem.WantsExact).Equal)
        {
            return Verdict(CheckOutcome.EquivalentButNotInRequestedForm, message: $"That is the right amount as a decimal; as a percentage it is {expected}%.");
        }

        return comparison.Verdict;
    }

    private static bool HasRadical(Expression expression) => expression.ToString().Contains('√', StringComparison.Ordinal);

    private static bool IsSimplestNumber(Expression expression, ExactNumber expected)
    {
        if (expression is NumberExpression)
        {
            return true;
        }

        var text = ExpressionPrinter.Print(expression).Replace(" ", string.Empty, StringComparison.Ordinal);
        return text == expected.ToString().Replace(" ", string.Empty, StringComparison.Ordinal)
            || (expression is NegateExpression { Operand: var inner } && IsSimplestNumber(inner, -expected));
    }

    private readonly record struct ValueComparison(bool Equal, CheckResult? Verdict, string? Note);

    /// <summary>Exact equality, or a decimal that matches the exact value rounded to the student's places (at least 2).</summary>
    private static ValueComparison CompareValue(Expression student, ExactNumber expected, bool wantsExact)
    {
        var value = AlgebraicReader.Evaluate(student, imaginaryUnit: true);
        if (value.Equals(expected))
        {
            return new ValueComparison(true, null, null);
        }

        var places = DecimalPlaces(student);
        if (places is { } k && value.IsRational && expected.IsReal)
        {
            var matches = expected.IsRational
                ? expected.RationalPart.RoundTo(k) == value.RationalPart
                : System.Math.Abs(System.Math.Round(expected.RealPartDouble(), k, MidpointRounding.AwayFromZero) - value.RationalPart.ToDouble()) < 1e-9;
            if (matches)
            {
                if (wantsExact)
                {
                    return new ValueComparison(false, Incorrect(IncorrectReason.ExactAnswerRequired, $"An exact answer was asked for, such as {expected}."), null);
                }

                if (k < 2)
                {
                    return new ValueComparison(false, Incorrect(IncorrectReason.NotPreciseEnough, "Rounded too much: give at least two decimal places."), null);
                }

                return new ValueComparison(true, null, $"Accepted as a rounded decimal ({expected} ≈ {expected.ToDecimalString(k)}).");
            }
        }

        if (!expected.IsZero && value.Equals(-expected))
        {
            return new ValueComparison(false, Incorrect(IncorrectReason.SignError, "Sign error: the value has the wrong sign."), null);
        }

        return new ValueComparison(false, Incorrect(IncorrectReason.WrongValue, "Wrong value."), null);
    }

    private static int? DecimalPlaces(Expression expression) => expression switch
    {
        NumberExpression { Style: NumberStyle.Decimal } number => number.DecimalPlaces,
        NegateExpression negate => DecimalPlaces(negate.Operand),
        _ => null,
    };

    private static Expression ValueSide(Statement statement) =>
        statement is { Operator: RelationOperator.Equal, Left: VariableExpression, Right: { } right } ? right : statement.Left;

    // ---- roots ---------------------------------------------------------------------------------

    private static CheckResult CheckRoots(Solution solution, string answer)
    {
        EnsureLength(answer);
        var phrase = ReadPhrase(answer);
        if (solution.AllValues)
        {
            return phrase == Phrase.AllValues ? Correct() : Incorrect(IncorrectReason.WrongValue, "Every value is a solution of this equation.");
        }

        if (phrase == Phrase.NoSolution)
        {
            return solution.Values.Count == 0 ? Correct() : Incorrect(IncorrectReason.WrongValue, $"There are solutions: {solution.Answer}.");
        }

        if (phrase == Phrase.AllValues)
        {
            return Incorrect(IncorrectReason.WrongValue, "Not every value is a solution.");
        }

        var studentValues = ReadValues(solution, answer);
        if (solution.Values.Count == 0)
        {
            return Incorrect(IncorrectReason.ExtraSolution, "This equation has no solution.");
        }

        var matched = new HashSet<int>();
        var notes = new List<string>();
        var unmatched = new List<Expression>();
        CheckResult? firstProblem = null;
        foreach (var value in studentValues)
        {
            var hit = false;
            for (var i = 0; i < solution.Values.Count && !hit; i++)
            {
                var comparison = CompareValue(value, solution.Values[i], solution.Problem.WantsExact);
                if (comparison.Equal)
                {
                    hit = true;
                    matched.Add(i);
                    if (comparison.Note is not null)
                    {
                        notes.Add(comparison.Note);
                    }
                }
                else if (comparison.Verdict is { Reason: IncorrectReason.ExactAnswerRequired or IncorrectReason.NotPreciseEnough } precision)
                {
                    firstProblem ??= precision;
                    hit = true;
                    matched.Add(i);
                }
            }

            if (!hit)
            {
                unmatched.Add(value);
            }
        }

        if (firstProblem is not null)
        {
            return firstProblem;
        }

        if (unmatched.Count > 0)
        {
            foreach (var value in unmatched)
            {
                var sign = solution.Values.Select(v => CompareValue(value, v, false)).FirstOrDefault(c => c.Verdict?.Reason == IncorrectReason.SignError);
                if (sign.Verdict is not null)
                {
                    return sign.Verdict;
                }
            }

            return matched.Count == solution.Values.Count
                ? Incorrect(IncorrectReason.ExtraSolution, "Includes a value that is not a solution.")
                : Incorrect(IncorrectReason.WrongValue, "Wrong value.");
        }

        if (matched.Count < solution.Values.Count)
        {
            return Incorrect(IncorrectReason.MissingSolution, $"Only {matched.Count} of {solution.Values.Count} solutions.");
        }

        return Correct(notes.Count > 0 ? notes[0] : null);
    }

    /// <summary>Values from "x = 2 or x = 3", "{3, 2}", "x=3, x=2", "x = (5 ± √13)/2".</summary>
    private static List<Expression> ReadValues(Solution solution, string answer)
    {
        var text = answer.Trim();
        if (text.StartsWith('{') && text.EndsWith('}'))
        {
            text = " " + text[1..^1] + " ";
        }

        var values = new List<Expression>();
        foreach (var variant in ExpandPlusMinus(text))
        {
            foreach (var statement in Parser.ParseStatements(variant, vocabulary: Words(solution, answer)))
            {
                values.Add(ValueSide(statement));
            }
        }

        return values;
    }

    private static IEnumerable<string> ExpandPlusMinus(string text)
    {
        var index = text.IndexOfAny(['±']);
        var latex = text.IndexOf("\\pm", StringComparison.Ordinal);
        var ascii = text.IndexOf("+-", StringComparison.Ordinal);
        var (at, length) = index >= 0 ? (index, 1) : latex >= 0 ? (latex, 3) : ascii >= 0 ? (ascii, 2) : (-1, 0);
        if (at < 0)
        {
            return [text];
        }

        // Pad so positions in errors stay close to the original.
        var before = text[..at];
        var after = text[(at + length)..];
        return [before + "+" + new string(' ', length - 1) + after, before + "-" + new string(' ', length - 1) + after];
    }

    private enum Phrase
    {
        None,
        NoSolution,
        AllValues,
    }

    private static Phrase ReadPhrase(string answer)
    {
        var text = answer.Trim().ToLowerInvariant();
        if (NoSolutionPattern().IsMatch(text))
        {
            return Phrase.NoSolution;
        }

        return AllValuesPattern().IsMatch(text) ? Phrase.AllValues : Phrase.None;
    }

    // ---- intervals -----------------------------------------------------------------------------

    private static CheckResult CheckInterval(Solution solution, string answer)
    {
        var expected = solution.IntervalSet;
        var variable = solution.Variable ?? solution.Problem.TargetVariable ?? "x";
        var phrase = ReadPhrase(answer);
        var everything = expected is [{ Lower: null, Upper: null }];
        if (phrase == Phrase.NoSolution || expected.Count == 0)
        {
            return phrase == Phrase.NoSolution && expected.Count == 0 ? Correct()
                : expected.Count == 0 ? Incorrect(IncorrectReason.WrongValue, "No value satisfies this inequality.")
                : Incorrect(IncorrectReason.WrongValue, "Some values do satisfy this inequality.");
        }

        if (phrase == Phrase.AllValues || everything)
        {
            return phrase == Phrase.AllValues && everything ? Correct()
                : everything ? Incorrect(IncorrectReason.WrongValue, "Every value satisfies this inequality.")
                : Incorrect(IncorrectReason.WrongValue, "Not every value satisfies this inequality.");
        }

        var student = IntervalReader.Read(answer, variable, Words(solution, answer));
        if (student is null)
        {
            return Incorrect(IncorrectReason.Unreadable, $"Write the answer like '{variable} ≤ 5', '(-∞, 5]' or '{variable} < -2 or {variable} > 4'.");
        }

        if (student.Count == expected.Count && student.Zip(expected).All(p => SameSet(p.First, p.Second)))
        {
            return Correct();
        }

        var expectedEnds = Ends(expected);
        var studentEnds = Ends(student);
        if (student.Count == expected.Count && student.Zip(expected).All(p => SameEnds(p.First, p.Second)))
        {
            var included = expected.Any(i => (i.Lower is not null && i.LowerClosed) || (i.Upper is not null && i.UpperClosed));
            return Incorrect(IncorrectReason.WrongInequality, included
                ? "The boundary is included: use ≤ or ≥ (or a square bracket)."
                : "The boundary is not included: use < or > (or a round bracket).");
        }

        if (studentEnds.SequenceEqual(expectedEnds))
        {
            return Incorrect(IncorrectReason.WrongInequality, "The inequality points the wrong way (remember to flip it when multiplying or dividing by a negative number).");
        }

        if (studentEnds.Count == expectedEnds.Count && studentEnds.Select(e => -e).Order().SequenceEqual(expectedEnds) && expectedEnds.Any(e => !e.IsZero))
        {
            return Incorrect(IncorrectReason.SignError, "Sign error in the boundary value.");
        }

        return Incorrect(IncorrectReason.WrongValue, "Wrong boundary value.");
    }

    private static bool SameEnds(SolutionInterval a, SolutionInterval b) => a.Lower == b.Lower && a.Upper == b.Upper;

    private static bool SameSet(SolutionInterval a, SolutionInterval b) =>
        SameEnds(a, b) && a.LowerClosed == b.LowerClosed && a.UpperClosed == b.UpperClosed;

    /// <summary>The distinct finite end points, in order.</summary>
    private static List<RealNumber> Ends(IEnumerable<SolutionInterval> intervals) =>
        [.. intervals.SelectMany(i => new[] { i.Lower, i.Upper }).OfType<RealNumber>().Distinct().Order()];

    // ---- systems -------------------------------------------------------------------------------

    private static CheckResult CheckSystem(Solution solution, string answer)
    {
        EnsureLength(answer);
        var phrase = ReadPhrase(answer);
        if (solution.SystemValues is null)
        {
            var expectedPhrase = solution.Dependent == true ? Phrase.AllValues : Phrase.NoSolution;
            return phrase == expectedPhrase || (expectedPhrase == Phrase.AllValues && answer.Contains("infinite", StringComparison.OrdinalIgnoreCase))
                ? Correct()
                : Incorrect(IncorrectReason.WrongValue, solution.Dependent == true ? "The system has infinitely many solutions." : "The system has no solution.");
        }

        var names = solution.SystemValues.Keys.OrderBy(n => n, StringComparer.Ordinal).ToList();
        var given = new Dictionary<string, Expression>(StringComparer.Ordinal);
        var text = answer.Trim();
        var statements = Parser.ParseStatements(text.StartsWith('(') && text.EndsWith(')') && !text.Contains('=', StringComparison.Ordinal) ? text[1..^1] : text, vocabulary: Words(solution, answer));
        for (var i = 0; i < statements.Count; i++)
        {
            if (statements[i] is { Operator: RelationOperator.Equal, Left: VariableExpression variable, Right: { } value })
            {
                given[variable.Name] = value;
            }
            else if (statements[i].Operator is null && i < names.Count)
            {
                given[names[i]] = statements[i].Left;
            }
        }

        var missing = names.Where(n => !given.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            return Incorrect(IncorrectReason.MissingSolution, $"Missing the value of {string.Join(", ", missing)}.");
        }

        foreach (var name in names)
        {
            var comparison = CompareValue(given[name], solution.SystemValues[name], solution.Problem.WantsExact);
            if (!comparison.Equal)
            {
                var verdict = comparison.Verdict!;
                return verdict with { Message = $"{name}: {verdict.Message}" };
            }
        }

        return Correct();
    }

    // ---- expressions ---------------------------------------------------------------------------

    private static CheckResult CheckExpression(Solution solution, string answer)
    {
        EnsureLength(answer);
        var statements = Parser.ParseStatements(answer, vocabulary: Words(solution, answer));
        if (statements.Count != 1)
        {
            return Incorrect(IncorrectReason.Unreadable, "Expected a single expression.");
        }

        var statement = statements[0];
        var student = statement is { Operator: RelationOperator.Equal, Left: VariableExpression, Right: { } right } ? right : statement.Left;
        var expected = solution.Result!;
        if (!AlgebraicReader.HasVariables(expected) && ConstantAnswer(solution, student, expected) is { } constant)
        {
            return constant;
        }

        var equivalent = Equivalent(student, expected);
        if (equivalent != true)
        {
            if (Equivalent(student, new NegateExpression(expected)) == true)
            {
                return Incorrect(IncorrectReason.SignError, "Sign error: the answer is the negative of the correct one.");
            }

            return Incorrect(IncorrectReason.WrongValue, "Not equal to the correct answer.");
        }

        var problemText = ExpressionPrinter.Print(solution.Problem.Single.Left).Replace(" ", string.Empty, StringComparison.Ordinal);
        var studentText = ExpressionPrinter.Print(student).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (solution.Problem.Kind == ProblemKind.Expand && studentText == problemText
            && !ExpressionPrinter.Print(expected).Replace(" ", string.Empty, StringComparison.Ordinal).Equals(studentText, StringComparison.Ordinal))
        {
            // "(x+7)^3" for "expand (x+7)^3" is the question, not an answer.
            return Incorrect(IncorrectReason.NotSimplified, "Not expanded: the answer repeats the problem.");
        }

        switch (solution.Problem.Kind)
        {
            case ProblemKind.Simplify:
                {
                    if (studentText == problemText)
                    {
                        return Incorrect(IncorrectReason.NotSimplified, "Not simplified: the answer repeats the problem.");
                    }

                    var fraction = AlgebraicReader.TryToFraction(student);
                    if (fraction is not null && fraction.Reduce().Cancelled.Any(c => !c.IsConstant))
                    {
                        return Verdict(CheckOutcome.EquivalentButNotInRequestedForm, message: "Equivalent, but a common factor can still be cancelled.");
                    }

                    if (fraction is not null && fraction.IsPolynomial && studentText.Contains('(', StringComparison.Ordinal))
                    {
                        return Verdict(CheckOutcome.EquivalentButNotInRequestedForm, message: "Equivalent, but the brackets can be expanded and like terms combined.");
                    }

                    break;
                }

            case ProblemKind.Factor:
                {
                    if (studentText == problemText && !expected.ToString().Replace(" ", string.Empty, StringComparison.Ordinal).Equals(studentText, StringComparison.Ordinal))
                    {
                        return Incorrect(IncorrectReason.NotSimplified, "Not factored: the answer repeats the problem.");
                    }

                    if (CountFactors(student) < CountFactors(expected))
                    {
                        return Verdict(CheckOutcome.EquivalentButNotInRequestedForm, message: student is SumExpression ? "Equivalent, but not factored." : "Equivalent, but not fully factored.");
                    }

                    break;
                }

            case ProblemKind.Expand when student is not SumExpression || studentText.Contains('(', StringComparison.Ordinal):
                if (expected is SumExpression)
                {
                    return Verdict(CheckOutcome.EquivalentButNotInRequestedForm, message: "Equivalent, but not expanded.");
                }

                break;
        }

        return Correct();
    }

    /// <summary>
    /// An exact answer that is a number but not rational (x = ln 5): the letter e is Euler's number,
    /// and a decimal counts when it is the exact value rounded to the student's places (at least 2).
    /// </summary>
    private static CheckResult? ConstantAnswer(Solution solution, Expression student, Expression expected)
    {
        if (AlgebraicReader.VariablesOf(student) is { Count: > 0 } letters)
        {
            if (!letters.SetEquals(["e"]) || solution.Variable == "e")
            {
                return null;
            }

            student = ExpressionSolver.Substitute(student, "e", new FunctionExpression(FunctionName.Exp, Build.Number(Rational.One)));
        }

        var exact = AlgebraicReader.EvaluateDouble(expected, new Dictionary<string, double>());
        if (DecimalPlaces(student) is { } places && student is NumberExpression or NegateExpression)
        {
            var value = AlgebraicReader.EvaluateDouble(student, new Dictionary<string, double>());
            if (System.Math.Abs(System.Math.Round(exact, places, MidpointRounding.AwayFromZero) - value) > 1e-9)
            {
                return Incorrect(IncorrectReason.WrongValue, "Wrong value.");
            }

            return solution.Problem.WantsExact ? Incorrect(IncorrectReason.ExactAnswerRequired, "An exact answer was asked for.")
                : places < 2 ? Incorrect(IncorrectReason.NotPreciseEnough, "Rounded too much: give at least two decimal places.")
                : Correct($"Accepted as a rounded decimal (≈ {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}).");
        }

        return Equivalent(student, expected) == true ? Correct() : Incorrect(IncorrectReason.WrongValue, "Wrong value.");
    }

    private static int CountFactors(Expression expression) => expression switch
    {
        ProductExpression product => product.Factors.Sum(CountFactors),
        PowerExpression { Base: SumExpression, Exponent: NumberExpression { Value: var n } } when n.IsInteger && n.Sign > 0 => (int)System.Math.Min(n.Numerator.IsZero ? 1 : (double)n.Numerator, 50),
        PowerExpression { Base: VariableExpression } => 1,
        NegateExpression negate => CountFactors(negate.Operand),
        NumberExpression => 0,
        _ => 1,
    };

    /// <summary>Exact comparison via canonical fractions, else evaluation at random points.</summary>
    public static bool? Equivalent(Expression a, Expression b)
    {
        if (!AlgebraicReader.HasFunctions(a) && !AlgebraicReader.HasFunctions(b))
        {
            var fa = AlgebraicReader.TryToFraction(a);
            var fb = AlgebraicReader.TryToFraction(b);
            if (fa is not null && fb is not null)
            {
                return fa.EquivalentTo(fb);
            }
        }

        var variables = AlgebraicReader.VariablesOf(a);
        variables.UnionWith(AlgebraicReader.VariablesOf(b));
        var random = new Random(12345);
        var agreed = 0;
        for (var attempt = 0; attempt < 12 && agreed < 5; attempt++)
        {
            var values = variables.ToDictionary(v => v, _ => 0.3 + (random.NextDouble() * 2.2), StringComparer.Ordinal);
            var x = AlgebraicReader.EvaluateDouble(a, values);
            var y = AlgebraicReader.EvaluateDouble(b, values);
            if (double.IsNaN(x) || double.IsNaN(y) || double.IsInfinity(x) || double.IsInfinity(y))
            {
                continue;
            }

            if (System.Math.Abs(x - y) > 1e-9 * System.Math.Max(1, System.Math.Max(System.Math.Abs(x), System.Math.Abs(y))))
            {
                return false;
            }

            agreed++;
        }

        return agreed > 0 ? true : null;
    }

    [GeneratedRegex(@"^(no\s+(real\s+)?solutions?|none|∅|\{\s*\}|no\s+value|impossible)$", RegexOptions.CultureInvariant)]
    private static partial Regex NoSolutionPattern();

    [GeneratedRegex(@"^(all\s+real(\s+numbers)?|all\s+(values|numbers)|any\s+(real\s+)?(number|value)|infinitely\s+many(\s+solutions)?|ℝ|r|\(-∞,\s*∞\)|every\s+(number|value)|all\s+real\s+\w+)$", RegexOptions.CultureInvariant)]
    private static partial Regex AllValuesPattern();
}
