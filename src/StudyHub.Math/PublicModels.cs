namespace StudyHub.Math;

/// <summary>One step a student can follow: what was done, and the resulting expression.</summary>
public sealed record WorkedStep(string Description, string Expression);

public sealed record SolveResult
{
    public required ProblemKind Kind { get; init; }

    /// <summary>The problem in the engine's notation.</summary>
    public required string Problem { get; init; }

    /// <summary>The full answer as one normalised string, e.g. "x = (5 ± √13)/2" or "x ≤ 5".</summary>
    public required string Answer { get; init; }

    public required IReadOnlyList<string> ExactAnswers { get; init; }

    /// <summary>Decimal forms where the answer is numeric (rounded to 6 places), otherwise empty.</summary>
    public required IReadOnlyList<string> DecimalAnswers { get; init; }

    public required IReadOnlyList<WorkedStep> Steps { get; init; }

    public required IReadOnlyList<string> Notes { get; init; }
}

public enum CheckOutcome
{
    Correct,
    EquivalentButNotInRequestedForm,
    Incorrect,
}

public enum IncorrectReason
{
    None,
    WrongValue,
    SignError,
    MissingSolution,
    ExtraSolution,
    NotSimplified,
    NotPreciseEnough,
    ExactAnswerRequired,
    WrongInequality,
    Unreadable,
}

public sealed record CheckResult
{
    public required CheckOutcome Outcome { get; init; }

    public IncorrectReason Reason { get; init; }

    /// <summary>Short explanation for the student ("only one of two solutions", "not simplified"...).</summary>
    public string? Message { get; init; }

    /// <summary>True for Correct and EquivalentButNotInRequestedForm: what scoring should use.</summary>
    public bool CountsAsCorrect => Outcome != CheckOutcome.Incorrect;

    public required string ExpectedAnswer { get; init; }

    public required string StudentAnswer { get; init; }
}
