using System.Text.RegularExpressions;
using StudyHub.Math.Numbers;
using StudyHub.Math.Syntax;

namespace StudyHub.Math.Reading;

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

/// <summary>A value given for a letter ("for x = 3", or the argument of "find f(4)"), still as written.</summary>
/// <param name="Function">For "f(4)": the function's name, so a refusal can say what was being evaluated.</param>
internal sealed record Substitution(string Variable, Expression Value, int Position, string? Function = null);

/// <summary>
/// A problem as read, before it is classified: the instruction, the parsed statements and the values
/// given. Reading knows words and syntax only; what kind of problem it is needs algebra (degrees,
/// which solver fits), so <c>Solving.ProblemClassifier</c> decides that.
/// </summary>
internal sealed record ReadProblem(
    string Original,
    Instruction Instruction,
    IReadOnlyList<Statement> Statements,
    string? TargetVariable,
    IReadOnlyList<Substitution> Substitutions,
    bool WantsExact)
{
    /// <summary>Set when the wording alone decides the kind (percent phrases, "find f(4)").</summary>
    public ProblemKind? Kind { get; init; }

    /// <inheritdoc cref="ParsedProblem.AnswerIsPercent"/>
    public bool AnswerIsPercent { get; init; }
}

/// <summary>
/// Recognises the instruction words students put in front of a problem, then parses the rest with
/// positions that still point into the original text. Layers run one way (Numbers → Syntax →
/// Reading → Algebra → Solving → Checking → Teaching), so reading uses no algebra: classifying the
/// problem is the solving layer's first move.
/// </summary>
internal static partial class ProblemReader
{
    public static ReadProblem Read(string text)
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
            return new ReadProblem(text, Instruction.Calculate, [new Statement(percent, null, null, percentAt)], null, [], wantsExact)
            {
                Kind = ProblemKind.Arithmetic,
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
        var substitutions = new List<Substitution>();
        if (instruction is Instruction.Evaluate or Instruction.None or Instruction.Calculate or Instruction.Simplify)
        {
            var at = SubstitutionSuffix().Match(text, start, end - start);
            if (at.Success)
            {
                foreach (var statement in Parser.ParseStatements(text, at.Groups["values"].Index, end, vocabulary))
                {
                    if (statement is not { Operator: RelationOperator.Equal, Left: VariableExpression variable, Right: { } right })
                    {
                        throw new MathEngineException(ErrorCodes.UnexpectedToken, $"Expected values like 'x = 3' at position {statement.Position + 1}.", statement.Position + 1);
                    }

                    substitutions.Add(new Substitution(variable.Name, right, statement.Position + 1));
                }

                end = at.Index;
                instruction = Instruction.Evaluate;
            }
        }

        var statements = Parser.ParseStatements(text, start, end, vocabulary);
        return new ReadProblem(text, instruction, statements, target, substitutions, wantsExact);
    }

    /// <summary>"f(x) = 2x + 3, find f(4)" and "find f(4) if f(x) = 2x + 3": evaluate the body at the argument.</summary>
    private static ReadProblem? ReadFunctionValue(string text, int end, bool wantsExact)
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
        if (argumentStatements is not [{ Operator: null, Left: var argumentExpression }])
        {
            throw new MathEngineException(ErrorCodes.Unsupported, $"Expected a number to evaluate {match.Groups["f"].Value} at (position {argument.Index + 1}).", argument.Index + 1);
        }

        var body = match.Groups["body"];
        var statements = Parser.ParseStatements(text, body.Index, body.Index + body.Length, vocabulary);
        if (statements is not [{ Operator: null }])
        {
            throw new MathEngineException(ErrorCodes.Unsupported, $"Expected one expression after {match.Groups["f"].Value}({variable}) = (position {body.Index + 1}).", body.Index + 1);
        }

        return new ReadProblem(text, Instruction.Evaluate, statements, null, [new Substitution(variable, argumentExpression, argument.Index + 1, match.Groups["f"].Value)], wantsExact)
        {
            Kind = ProblemKind.Evaluate,
        };
    }

    [GeneratedRegex(@"^\s*(?:let\s+|given\s+)?(?<f>[a-zA-Z])\s*\(\s*(?<v>[a-zA-Z])\s*\)\s*=\s*(?<body>[^,;]+?)\s*[,;.]?\s*(?:find|evaluate|calculate|work\s+out|what\s+is)\s+(?<g>[a-zA-Z])\s*\(\s*(?<arg>[^()]+)\s*\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex FunctionThenValue();

    [GeneratedRegex(@"^\s*(?:find|evaluate|calculate|work\s+out|what\s+is)\s+(?<g>[a-zA-Z])\s*\(\s*(?<arg>[^()]+)\s*\)\s*(?:,\s*)?(?:if|when|for|given|where)\s+(?<f>[a-zA-Z])\s*\(\s*(?<v>[a-zA-Z])\s*\)\s*=\s*(?<body>.+?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ValueThenFunction();

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
