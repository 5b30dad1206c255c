using StudyHub.Math.Numbers;
using StudyHub.Math.Reading;
using StudyHub.Math.Syntax;

namespace StudyHub.Math.Solving;

/// <summary>What kind of object the answer is; answer checking compares like with like.</summary>
internal enum AnswerShape
{
    Number,
    Roots,
    Interval,
    SystemValues,
    Expression,
}

/// <summary>Solution set of an inequality (one interval); a null bound is infinite. Ends are exact, radicals included.</summary>
internal sealed record SolutionInterval(string Variable, RealNumber? Lower, bool LowerClosed, RealNumber? Upper, bool UpperClosed)
{
    public string Inequality => (Lower, Upper) switch
    {
        (null, null) => $"all real {Variable}",
        ({ } lower, { } upper) when lower == upper => $"{Variable} = {lower}",
        (null, { } upper) => $"{Variable} {(UpperClosed ? "≤" : "<")} {upper}",
        ({ } lower, null) => $"{Variable} {(LowerClosed ? "≥" : ">")} {lower}",
        ({ } lower, { } upper) => $"{lower} {(LowerClosed ? "≤" : "<")} {Variable} {(UpperClosed ? "≤" : "<")} {upper}",
    };

    public string IntervalNotation => Lower is { } point && Lower == Upper ? "{" + point + "}" :
        (Lower is null ? "(-∞" : (LowerClosed ? "[" : "(") + Lower) + ", " + (Upper is null ? "∞)" : Upper + (UpperClosed ? "]" : ")"));
}

/// <summary>
/// A solved problem: the steps and the exact answer in a structured form that checking, hints and
/// distractors can reuse without re-parsing strings.
/// </summary>
internal sealed class Solution
{
    public Solution(ParsedProblem problem, AnswerShape shape)
    {
        Problem = problem;
        Shape = shape;
    }

    public ParsedProblem Problem { get; }

    public AnswerShape Shape { get; }

    public List<WorkedStep> Steps { get; } = [];

    public List<string> Notes { get; } = [];

    public string? Variable { get; init; }

    /// <summary>Number: the value. Roots: the solution set (empty = no solution).</summary>
    public List<ExactNumber> Values { get; init; } = [];

    /// <summary>Roots: the equation holds for every value (identity).</summary>
    public bool AllValues { get; set; }

    /// <summary>Interval answers made of one interval (linear inequalities); null when there is no solution or the set has several parts.</summary>
    public SolutionInterval? Interval { get; init; }

    /// <summary>Interval answers: the whole solution set as disjoint intervals in order (empty = no solution).</summary>
    public IReadOnlyList<SolutionInterval> IntervalSet
    {
        get => _intervalSet ?? (Interval is { } single ? [single] : []);
        init => _intervalSet = value;
    }

    private readonly IReadOnlyList<SolutionInterval>? _intervalSet;

    /// <summary>SystemValues: one value per variable, or null when there is no unique solution.</summary>
    public IReadOnlyDictionary<string, ExactNumber>? SystemValues { get; init; }

    /// <summary>Systems without a unique solution: false = inconsistent, true = infinitely many.</summary>
    public bool? Dependent { get; init; }

    /// <summary>Expression answers (simplify, expand, factor, derivative, solve for): the result tree.</summary>
    public Expression? Result { get; init; }

    public required string Answer { get; init; }

    public List<string> ExactAnswers { get; init; } = [];

    public List<string> DecimalAnswers { get; init; } = [];

    public void Step(string description, string expression, StepKind kind = StepKind.Other, string? operand = null) =>
        Steps.Add(new WorkedStep(description, expression) { Kind = kind, Operand = operand });
}
