using System.Text.RegularExpressions;
using StudyHub.Math.Algebra;
using StudyHub.Math.Numbers;
using StudyHub.Math.Syntax;

namespace StudyHub.Math;

internal enum Instruction
{
    None,
    Solve,
    SolveFor,
    Simplify,
    Evaluate,
    Factor,
    Expand,
    Calculate,
    Differentiate,
}

/// <summary>A problem after reading: what was asked, the parsed statements and how it was classified.</summary>
internal sealed record ParsedProblem(
    string Original,
    ProblemKind Kind,
    Instruction Instruction,
    IReadOnlyList<Statement> Statements,
    string? TargetVariable,
    IReadOnlyDictionary<string, Rational> Substitutions,
    bool WantsExact)
{
    public Statement Single => Statements[0];

    /// <summary>The question asks for a percentage ("what percent of 80 is 40"): the value is in percent, so 50 and 50% both answer it.</summary>
    public bool AnswerIsPercent { get; init; }

    /// <summary>The problem in the engine's notation, e.g. "2x + 3 = 11" or "d/dx (3x^2 + 2x)".</summary>
    public string Normalized
    {
        get
        {
            var body = string.Join(", ", Statements.Select(s => s.ToString()));
            return Kind switch
            {
                ProblemKind.Derivative => $"d/d{TargetVariable} ({body})",
                ProblemKind.SolveFor => $"solve for {TargetVariable}: {body}",
                ProblemKind.Factor => $"factor {body}",
                ProblemKind.Expand => $"expand {body}",
                ProblemKind.Simplify when Instruction == Instruction.Simplify => $"simplify {body}",
                ProblemKind.Evaluate => $"evaluate {body} for {string.Join(", ", Substitutions.Select(s => $"{s.Key} = {s.Value}"))}",
                _ => body,
            };
        }
    }
}

/// <summary>
/// Recognises the instruction words students put in front of a problem, then parses the rest with
/// positions that still point into the original text, and classifies the problem.
/// </summary>
internal static partial class ProblemReader
{
    public static ParsedProblem Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var limits = WorkMeter.CurrentLimits;
        if (text.Length > limits.MaxInputLength)
        {
            throw new MathEngineException(ErrorCodes.InputLength, $"The problem is {text.Length} characters long; the limit is {limits.MaxInputLength}.");
        }

        var start = 0;
        var end = text.Length;
        // A full stop or question mark ends a sentence; "..." or "…" after digits is a repeating decimal and stays.
        while (end > 0 && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] == '?' || (text[end - 1] == '.' && !text.AsSpan(0, end).EndsWith("..."))))
        {
            end--;
        }

        var exactSuffix = ExactSuffix().Match(text, 0, end);
        if (exactSuffix.Success)
        {
            end = exactSuffix.Index;
        }

        var instruction = Instruction.None;
        string? target = null;
        var wantsExact = text.Contains("exact", StringComparison.OrdinalIgnoreCase);
        if (PercentPhrases.TryRead(text, start, end, out var percentAt, out var answerIsPercent) is { } percent)
        {
            return new ParsedProblem(text, ProblemKind.Arithmetic, Instruction.Calculate, [new Statement(percent, null, null, percentAt)], null, new Dictionary<string, Rational>(), wantsExact)
            {
                AnswerIsPercent = answerIsPercent,
            };
        }

        if (ReadFunctionValue(text, end, wantsExact) is { } functionValue)
        {
            return functionValue;
        }

        var match = DerivativePrefix().Match(text, 0, end);
        if (match.Success)
        {
            instruction = Instruction.Differentiate;
            target = match.Groups["v"].Success ? match.Groups["v"].Value : "x";
            start = match.Index + match.Length;
            var suffix = RespectTo().Match(text, start, end - start);
            if (suffix.Success)
            {
                target = suffix.Groups["v"].Value;
                end = suffix.Index;
            }
        }
        else if ((match = SolveForPrefix().Match(text, 0, end)).Success)
        {
            instruction = Instruction.SolveFor;
            target = match.Groups["v"].Value;
            start = match.Index + match.Length;
        }
        else if ((match = InstructionPrefix().Match(text, 0, end)).Success)
        {
            instruction = match.Groups["w"].Value.ToLowerInvariant() switch
            {
                var w when w.StartsWith("simplif", StringComparison.Ordinal) || w == "reduce" => Instruction.Simplify,
                var w when w.StartsWith("factor", StringComparison.Ordinal) => Instruction.Factor,
                var w when w.StartsWith("expand", StringComparison.Ordinal) || w.StartsWith("multiply out", StringComparison.Ordinal) => Instruction.Expand,
                var w when w.StartsWith("evaluate", StringComparison.Ordinal) => Instruction.Evaluate,
                var w when w.StartsWith("solve", StringComparison.Ordinal) => Instruction.Solve,
                _ => Instruction.Calculate,
            };
            start = match.Index + match.Length;
        }

        var vocabulary = Vocabulary.For(text, [target]);
        var substitutions = new Dictionary<string, Rational>(StringComparer.Ordinal);
        if (instruction is Instruction.Evaluate or Instruction.None or Instruction.Calculate or Instruction.Simplify)
        {
            var at = SubstitutionSuffix().Match(text, start, end - start);
            if (at.Success)
            {
                foreach (var statement in Parser.ParseStatements(text, at.Groups["values"].Index, end, vocabulary))
                {
                    if (statement is not { Operator: RelationOperator.Equal, Left: VariableExpression variable, Right: { } right } || AlgebraicReader.HasVariables(right))
                    {
                        throw new MathEngineException(ErrorCodes.UnexpectedToken, $"Expected values like 'x = 3' at position {statement.Position + 1}.", statement.Position + 1);
                    }

                    var value = AlgebraicReader.Evaluate(right);
                    if (!value.TryGetRational(out var rational))
                    {
                        throw new MathEngineException(ErrorCodes.Unsupported, "Substituted values must be rational numbers.", statement.Position + 1);
                    }

                    substitutions[variable.Name] = rational;
                }

                end = at.Index;
                instruction = Instruction.Evaluate;
            }
        }

        var statements = Parser.ParseStatements(text, start, end, vocabulary);
        var kind = Classify(statements, instruction, ref target, substitutions);
        return new ParsedProblem(text, kind, instruction, statements, target, substitutions, wantsExact);
    }

    /// <summary>"f(x) = 2x + 3, find f(4)" and "find f(4) if f(x) = 2x + 3": evaluate the body at the argument.</summary>
    private static ParsedProblem? ReadFunctionValue(string text, int end, bool wantsExact)
    {
        var match = FunctionThenValue().Match(text, 0, end);
        if (!match.Success)
        {
            match = ValueThenFunction().Match(text, 0, end);
        }

        if (!match.Success || match.Groups["f"].Value != match.Groups["g"].Value)
        {
            return null;
        }

        var variable = match.Groups["v"].Value;
        var vocabulary = Vocabulary.For(text, [variable]);
        var argument = match.Groups["arg"];
        var argumentStatements = Parser.ParseStatements(text, argument.Index, argument.Index + argument.Length, vocabulary);
        if (argumentStatements is not [{ Operator: null, Left: var argumentExpression }] || AlgebraicReader.HasVariables(argumentExpression)
            || !AlgebraicReader.Evaluate(argumentExpression).TryGetRational(out var value))
        {
            throw new MathEngineException(ErrorCodes.Unsupported, $"Expected a number to evaluate {match.Groups["f"].Value} at (position {argument.Index + 1}).", argument.Index + 1);
        }

        var body = match.Groups["body"];
        var statements = Parser.ParseStatements(text, body.Index, body.Index + body.Length, vocabulary);
        if (statements is not [{ Operator: null }])
        {
            throw new MathEngineException(ErrorCodes.Unsupported, $"Expected one expression after {match.Groups["f"].Value}({variable}) = (position {body.Index + 1}).", body.Index + 1);
        }

        var substitutions = new Dictionary<string, Rational>(StringComparer.Ordinal) { [variable] = value };
        return new ParsedProblem(text, ProblemKind.Evaluate, Instruction.Evaluate, statements, null, substitutions, wantsExact);
    }

    [GeneratedRegex(@"^\s*(?:let\s+|given\s+)?(?<f>[a-zA-Z])\s*\(\s*(?<v>[a-zA-Z])\s*\)\s*=\s*(?<body>[^,;]+?)\s*[,;.]?\s*(?:find|evaluate|calculate|work\s+out|what\s+is)\s+(?<g>[a-zA-Z])\s*\(\s*(?<arg>[^()]+)\s*\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex FunctionThenValue();

    [GeneratedRegex(@"^\s*(?:find|evaluate|calculate|work\s+out|what\s+is)\s+(?<g>[a-zA-Z])\s*\(\s*(?<arg>[^()]+)\s*\)\s*(?:,\s*)?(?:if|when|for|given|where)\s+(?<f>[a-zA-Z])\s*\(\s*(?<v>[a-zA-Z])\s*\)\s*=\s*(?<body>.+?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ValueThenFunction();

    private static ProblemKind Classify(List<Statement> statements, Instruction instruction, ref string? target, Dictionary<string, Rational> substitutions)
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
        if (Solving.AbsoluteValueSolver.Matches(single, target!))
        {
            return ProblemKind.AbsoluteValueEquation;
        }

        if (Solving.ExponentialSolver.Classify(single, target!) is { } exponential)
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

    [GeneratedRegex(@"\G\s*(?:please\s+)?(?:(?:find\s+)?(?:the\s+)?derivative\s+of\s*|differentiate\s*|(?:find\s+)?(?:d\s*y\s*/\s*d(?<v>[a-zA-Z])|y\s*['′]|f\s*['′]\s*\(\s*(?<v>[a-zA-Z])\s*\))\s*(?:[:,]\s*|\s+(?:if|when|for|given|where|of)\s+)?(?:y|f\s*\(\s*[a-zA-Z]\s*\))\s*=\s*|d\s*/\s*d(?<v>[a-zA-Z])\s*|\\frac\{d\}\{d(?<v>[a-zA-Z])\}\s*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DerivativePrefix();

    [GeneratedRegex(@"\s*(?:,\s*)?(?:with\s+respect\s+to|w\.?r\.?t\.?)\s+(?<v>[a-zA-Z])\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RespectTo();

    [GeneratedRegex(@"\G\s*(?:please\s+)?(?:solve\s+(?:the\s+equation\s+)?for|find|rearrange\s+(?:(?:the\s+)?(?:formula|equation)\s+)?(?:for|to\s+make)|make)\s+(?<v>[a-zA-Z][0-9]*)\b(?:\s+the\s+subject(?:\s+of(?:\s+the\s+formula)?)?)?(?:\s*[:,]|\s+(?:if|when|given|in)\b)?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SolveForPrefix();

    [GeneratedRegex(@"\G\s*(?:please\s+)?(?<w>simplify|simplified|reduce|solve|evaluate|factorise|factorize|factor|expand|multiply\s+out|calculate|compute|work\s+out|what\s+is|find)\b(?:\s+(?:fully|completely|and\s+simplify|simultaneously|the\s+(?:following\s+)?(?:equations?|inequality|system(?:\s+of\s+equations)?|expression|value\s+of)|the\s+following))*\b\s*[:,]?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InstructionPrefix();

    [GeneratedRegex(@"[\s,;]*\(?\s*(?:give\s+)?(?:an?\s+|the\s+)?exact(?:ly)?(?:\s+(?:answer|value|form))?\s*\)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExactSuffix();

    [GeneratedRegex(@"\s+(?:for|when|at|if|where|with)\s+(?<values>[a-zA-Z][0-9]*\s*=.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SubstitutionSuffix();
}
