namespace StudyHub.Math;

/// <summary>One step a student can follow: what was done, and the resulting expression.</summary>
public sealed record WorkedStep(string Description, string Expression)
{
    /// <summary>What kind of move this is, set by the solver, so hints and the UI need not read the English text.</summary>
    public StepKind Kind { get; init; } = StepKind.Other;

    /// <summary>The quantity the move uses, where there is one: the term added, the number divided by, the case split on.</summary>
    public string? Operand { get; init; }

    /// <summary>
    /// Moves that use several quantities list them all, in the order the kind documents (a factor
    /// pair: the product and the sum; the quadratic formula: a, b and c; an elimination: the
    /// unknown, the equation used and the equation changed). Empty otherwise.
    /// </summary>
    public IReadOnlyList<string> Operands { get; init; } = [];
}

/// <summary>The moves a worked solution is made of.</summary>
public enum StepKind
{
    /// <summary>A step not (yet) classified; read its description.</summary>
    Other,
    Expand,
    CollectLikeTerms,
    /// <summary>Getting one part (an absolute value, a power, a logarithm) alone on one side.</summary>
    IsolateTerm,
    SwapSides,
    AddBothSides,
    SubtractBothSides,
    MultiplyBothSides,
    DivideBothSides,
    /// <summary>Multiplying or dividing an inequality by a negative number reverses it.</summary>
    FlipInequality,
    MoveAllTermsToOneSide,
    Factor,
    SetFactorsToZero,
    QuadraticFormula,
    Discriminant,
    SquareRootBothSides,
    /// <summary>Critical points split the number line; each part is tested (inequalities).</summary>
    SignAnalysis,
    /// <summary>An absolute value or ± splits the problem into cases.</summary>
    CaseSplit,
    /// <summary>A case or candidate is rejected (negative right side, outside the domain, zero denominator).</summary>
    RejectCase,
    /// <summary>Writing both sides as powers of the same base.</summary>
    SameBase,
    TakeLogarithm,
    /// <summary>Undoing a logarithm by raising its base to both sides.</summary>
    Exponentiate,
    DomainCheck,
    IntervalNotation,
    Answer,
    /// <summary>Mixed number to improper fraction.</summary>
    ImproperFraction,
    /// <summary>A percentage written as a fraction over 100.</summary>
    PercentAsFraction,
    /// <summary>Working out a numeric expression by the order of operations.</summary>
    Evaluate,
    /// <summary>Fractions rewritten over a common denominator (operand: the denominator).</summary>
    CommonDenominator,
    /// <summary>Numerators added over the common denominator.</summary>
    AddNumerators,
    /// <summary>A fraction or result reduced to lowest terms.</summary>
    Simplify,
    /// <summary>A perfect square taken out of a square root (operand: the square).</summary>
    TakeOutSquareFactor,
    /// <summary>The root of a fraction as the root of its numerator over the root of its denominator.</summary>
    RootOfQuotient,
    /// <summary>Letters replaced by their values.</summary>
    Substitute,
    /// <summary>The greatest common factor taken out (operand: the factor).</summary>
    CommonFactor,
    DifferenceOfSquares,
    /// <summary>Two numbers with a given product and sum (operands: the product, the sum).</summary>
    FactorPair,
    /// <summary>A quartic in x^2 treated as a quadratic.</summary>
    QuadraticInSquare,
    /// <summary>No factorization over the rationals.</summary>
    Irreducible,
    /// <summary>Numerator or denominator of a fraction factored (operand: which one).</summary>
    FactorPart,
    /// <summary>A common factor of numerator and denominator cancelled (operand: the factor).</summary>
    CancelCommonFactor,
    /// <summary>Everything written over one denominator.</summary>
    SingleFraction,
    /// <summary>A power of a bracket written as repeated multiplication.</summary>
    RepeatedMultiplication,
    /// <summary>Two brackets multiplied out.</summary>
    MultiplyBrackets,
    /// <summary>Candidates p/q tested as roots (operand: the root found).</summary>
    RationalRootTest,
    /// <summary>Several equations written in standard form.</summary>
    StandardForm,
    /// <summary>An equation of a system divided by its leading coefficient (operands: the unknown, the equation number, the divisor).</summary>
    ScaleEquation,
    /// <summary>A multiple of one equation added to another (operands: the unknown, the equation used, the equation changed).</summary>
    EliminateVariable,
    /// <summary>Reading the values off a solved system, or seeing that it has none or infinitely many.</summary>
    ReadOffSolution,
    /// <summary>Derivative of a constant (operand: the term).</summary>
    ConstantRule,
    /// <summary>Derivative of the variable itself (operand: the term).</summary>
    VariableRule,
    /// <summary>Power rule, possibly after a constant multiple (operand: the term).</summary>
    PowerRule,
    ProductRule,
    QuotientRule,
    ChainRule,
    /// <summary>A known derivative of sin, cos, tan, exp, ln… (operand: the term).</summary>
    FunctionRule,
    /// <summary>The derivatives of the terms added (sum rule).</summary>
    SumRule,
    /// <summary>Several logarithms of the same base combined into one (log a + log b = log ab, n log a = log a^n).</summary>
    CombineLogarithms,
    /// <summary>An identity or a contradiction: the variable cancelled out.</summary>
    Degenerate,
}

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

    /// <summary>Incorrect answers: the misconception that produces exactly this answer, when one is recognised (same catalogue as distractors).</summary>
    public Misconception? Misconception { get; init; }

    /// <summary>True for Correct and EquivalentButNotInRequestedForm: what scoring should use.</summary>
    public bool CountsAsCorrect => Outcome != CheckOutcome.Incorrect;

    public required string ExpectedAnswer { get; init; }

    public required string StudentAnswer { get; init; }
}

/// <summary>The four rungs of the hint ladder, from "which idea applies" to "go and review".</summary>
public enum HintStage
{
    Conceptual = 1,
    Directional = 2,
    Specific = 3,
    Review = 4,
}

/// <summary>A solved problem shown as a model to follow (used by review hints).</summary>
public sealed record WorkedExample
{
    public required string Problem { get; init; }

    public required string Answer { get; init; }

    public required IReadOnlyList<WorkedStep> Steps { get; init; }
}

public sealed record HintResult
{
    /// <summary>The level that was asked for (1–4).</summary>
    public required int Level { get; init; }

    /// <summary>The rung actually returned; lower than asked when the asked rung would have given the answer away.</summary>
    public required HintStage Stage { get; init; }

    public required ProblemKind Kind { get; init; }

    public required string Text { get; init; }

    /// <summary>The skill the problem practises, e.g. "Solving linear equations".</summary>
    public required string Skill { get; init; }

    /// <summary>Review hints only: a similar problem worked step by step.</summary>
    public WorkedExample? Example { get; init; }

    /// <summary>True when a more general hint replaced the asked one because it leaked the answer.</summary>
    public bool IsFallback { get; init; }
}

public sealed record Variant
{
    public required string Problem { get; init; }

    public required ProblemKind Kind { get; init; }

    public required string Answer { get; init; }

    public required IReadOnlyList<WorkedStep> Steps { get; init; }
}

/// <summary>Real mistakes students make; each distractor and injected error is labelled with one.</summary>
public enum Misconception
{
    SignErrorMovingTerm,
    DividedOnlyOneTerm,
    DividedTheWrongWay,
    ForgotToFlipInequality,
    FlippedInequalityWithoutReason,
    WrongBoundary,
    AddedNumeratorsAndDenominators,
    ScaledDenominatorsOnly,
    DroppedNegativeRoot,
    KeptOnlyOneRoot,
    SignErrorInFactors,
    WrongFactorPair,
    ForgotToDivideByTwoA,
    DistributedToFirstTermOnly,
    SquaredEachTerm,
    MultipliedOnlyMatchingTerms,
    PowerRuleKeptExponent,
    PowerRuleForgotCoefficient,
    ConstantDerivativeNotZero,
    PercentAsDivision,
    ForgotToDivideBy100,
    MultipliedExponentsInsteadOfAdding,
    SquareFactorNotRooted,
    OrderOfOperations,
    SwappedValues,
    SignError,
    /// <summary>Quadratic inequality: took the region between the critical values instead of outside them (or the reverse).</summary>
    WrongSideOfCriticalValues,
    /// <summary>Inequality answered with the critical values of the matching equation.</summary>
    GaveCriticalValuesOnly,
    /// <summary>|A| = k solved only as A = k.</summary>
    OnlyPositiveCase,
    /// <summary>|A| = negative number "solved" as if the sign did not matter.</summary>
    IgnoredNegativeAbsoluteValue,
    /// <summary>b^x = c answered as c/b, or log_b(x) = c as b·c.</summary>
    MultipliedInsteadOfPower,
    /// <summary>Kept a candidate that makes a logarithm's argument zero or negative (an extraneous root).</summary>
    KeptExtraneousRoot,
}

public sealed record Distractor
{
    public required string Answer { get; init; }

    public required Misconception Misconception { get; init; }

    /// <summary>What the student did, in words a teacher would use.</summary>
    public required string Explanation { get; init; }
}

public sealed record ErrorSolution
{
    public required string Problem { get; init; }

    public required ProblemKind Kind { get; init; }

    /// <summary>Step 0 is the problem itself; every later step follows from the one before except <see cref="WrongStepIndex"/>.</summary>
    public required IReadOnlyList<WorkedStep> Steps { get; init; }

    public required int WrongStepIndex { get; init; }

    public required Misconception Misconception { get; init; }

    /// <summary>Why the wrong step is wrong (for the feedback after the student picks a step).</summary>
    public required string Explanation { get; init; }

    public required string WrongAnswer { get; init; }

    public required string CorrectAnswer { get; init; }
}
