namespace StudyHub.Practice.Domain;

/// <summary>The kinds of question a game holds; each has its own default time limit.</summary>
internal enum QuestionType
{
    MultipleChoice,
    IdentifyTheError,
    FreeAnswer,
    Match,
    Order,
    TeachTheAi,
}

/// <summary>One scored attempt's inputs, all measured or decided by the server.</summary>
/// <param name="Fraction">Share of the answer that is right: 1 or 0, or pairs/positions right for match and order.</param>
/// <param name="Attempt">1-based attempt number at this question (at most <see cref="Scoring.MaxAttempts"/>).</param>
/// <param name="TimeTaken">Server time since the question's first delivery.</param>
/// <param name="TimeLimit">The question's limit after any extended-time multiplier.</param>
/// <param name="HintsUsed">Hint levels revealed before this attempt (0–3).</param>
/// <param name="StreakBefore">Consecutive fully correct questions just before this one.</param>
internal sealed record ScoreInput(decimal Fraction, int Attempt, TimeSpan TimeTaken, TimeSpan TimeLimit, int HintsUsed, int StreakBefore);

/// <summary>The points of an attempt with every term of the formula, as the student sees them.</summary>
internal sealed record PointsBreakdown(
    int BasePoints,
    decimal TimeBonus,
    decimal Accuracy,
    decimal Fraction,
    int StreakBonus,
    decimal HintMultiplier,
    int Total,
    int StreakAfter);

/// <summary>
/// The mootion seed's score calculator (docs/scoring.md holds the rules and worked examples):
/// final = round(((base + 50 × (1 − t/limit)) × 1/attempts × fraction + min(10 × streak, 100)) × (1 − 0.25 × hints)).
/// Decimal arithmetic so the worked examples round exactly as written.
/// </summary>
internal static class Scoring
{
    public const int BasePoints = 100;
    public const int MaxTimeBonus = 50;
    public const int StreakStep = 10;
    public const int MaxStreakBonus = 100;
    public const int MaxAttempts = 3;
    public const int MaxHintLevels = 3;
    public const decimal HintPenaltyPerLevel = 0.25m;

    /// <summary>The seed's default limits: 30 s multiple choice, 60 s free answer, 90 s match/order.</summary>
    public static TimeSpan DefaultTimeLimit(QuestionType type) => type switch
    {
        QuestionType.MultipleChoice or QuestionType.IdentifyTheError => TimeSpan.FromSeconds(30),
        QuestionType.FreeAnswer => TimeSpan.FromSeconds(60),
        QuestionType.Match or QuestionType.Order => TimeSpan.FromSeconds(90),

        // Not in the seed: finding the step and writing the fix takes longer than a free answer.
        QuestionType.TeachTheAi => TimeSpan.FromSeconds(120),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>The limit a student gets: the game's override (or the type's default) times their extended-time multiplier.</summary>
    public static TimeSpan EffectiveTimeLimit(QuestionType type, TimeSpan? gameOverride, decimal extendedTimeMultiplier)
    {
        if (extendedTimeMultiplier < 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(extendedTimeMultiplier), "Extended time never shortens a limit.");
        }

        var limit = gameOverride ?? DefaultTimeLimit(type);
        return TimeSpan.FromMilliseconds((double)System.Math.Round((decimal)limit.TotalMilliseconds * extendedTimeMultiplier));
    }

    /// <summary>Whether an answer of this fraction continues the answer streak: only a fully right one does.</summary>
    public static bool IsFullyCorrect(decimal fraction) => fraction >= 1m;

    public static PointsBreakdown Score(ScoreInput input)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(input.Attempt, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(input.Attempt, MaxAttempts);
        ArgumentOutOfRangeException.ThrowIfNegative(input.HintsUsed);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(input.HintsUsed, MaxHintLevels);
        ArgumentOutOfRangeException.ThrowIfNegative(input.StreakBefore);
        if (input.Fraction is < 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(input), "The right fraction lies in [0, 1].");
        }

        if (input.TimeLimit <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(input), "A time limit is positive.");
        }

        var hintMultiplier = 1m - (HintPenaltyPerLevel * input.HintsUsed);
        if (input.Fraction == 0m)
        {
            // A wrong attempt scores nothing and breaks the answer streak.
            return new PointsBreakdown(0, 0m, 0m, 0m, 0, hintMultiplier, 0, 0);
        }

        // t is clamped to [0, limit]: an answer after the limit still counts, without a time bonus.
        var limitMs = (decimal)input.TimeLimit.TotalMilliseconds;
        var takenMs = System.Math.Clamp((decimal)input.TimeTaken.TotalMilliseconds, 0m, limitMs);
        var timeBonus = MaxTimeBonus * (1m - (takenMs / limitMs));
        var accuracy = 1m / input.Attempt;

        // Partial match/order answers earn their fraction of the formula but neither continue
        // the streak nor earn its bonus (the issue: "count for the streak only when fully right").
        var fullyCorrect = IsFullyCorrect(input.Fraction);
        var streakAfter = fullyCorrect ? input.StreakBefore + 1 : 0;
        var streakBonus = System.Math.Min(StreakStep * streakAfter, MaxStreakBonus);

        // Divide by the attempt last so a third attempt's 1/3 rounds no worked example the wrong way.
        var raw = ((((BasePoints + timeBonus) * input.Fraction) / input.Attempt) + streakBonus) * hintMultiplier;
        var total = (int)System.Math.Round(raw, MidpointRounding.AwayFromZero);
        return new PointsBreakdown(BasePoints, timeBonus, accuracy, input.Fraction, streakBonus, hintMultiplier, total, streakAfter);
    }
}
