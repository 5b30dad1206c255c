namespace StudyHub.Practice.Domain;

/// <summary>How well a student recalled a flashcard (FSRS grades).</summary>
internal enum Rating
{
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

/// <summary>A card's memory: stability (days until recall falls to 90%) and difficulty (1–10).</summary>
internal readonly record struct MemoryState(double Stability, double Difficulty);

/// <summary>The outcome of one review: the new memory state and the days until the card is due again.</summary>
internal readonly record struct ScheduledReview(MemoryState State, int IntervalDays, DateTime DueAt);

/// <summary>
/// FSRS-6 with its published default parameters and desired retention 0.9, day-based scheduling
/// (no same-day learning steps, no fuzz). It mirrors the reference implementation ts-fsrs 5.4.2
/// (<c>LongTermScheduler</c>, <c>FSRSAlgorithm</c>) step for step, including its rounding to 8
/// decimals, so the flashcard tests can demand equality with it (tests/fsrs-reference).
/// </summary>
internal static class Fsrs
{
    public const double DesiredRetention = 0.9;
    public const int MaximumIntervalDays = 36500;
    private const double MinStability = 0.001;
    private const double MaxStability = 36500;

    /// <summary>FSRS-6 default weights w0–w20 (ts-fsrs <c>default_w</c>).</summary>
    public static readonly IReadOnlyList<double> Weights =
    [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ];

    private static readonly double Decay = -Weights[20];
    private static readonly double Factor = RoundTo(System.Math.Exp(System.Math.Log(0.9) / Decay) - 1, 8);
    private static readonly double IntervalModifier = RoundTo((System.Math.Pow(DesiredRetention, 1 / Decay) - 1) / Factor, 8);

    /// <summary>Reviews a card (null state: never reviewed) at <paramref name="reviewedAt"/>.</summary>
    /// <param name="lastReviewedAt">The previous review, null for a new card.</param>
    public static ScheduledReview Review(MemoryState? state, DateTime? lastReviewedAt, DateTime reviewedAt, Rating rating)
    {
        if (rating is < Rating.Again or > Rating.Easy)
        {
            throw new ArgumentOutOfRangeException(nameof(rating), rating, "A rating is again, hard, good or easy.");
        }

        // The reference counts elapsed whole UTC calendar days, not 24-hour spans.
        var elapsedDays = state is null || lastReviewedAt is null ? 0 : (reviewedAt.Date - lastReviewedAt.Value.Date).Days;
        if (elapsedDays < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(reviewedAt), "A review cannot precede the previous one.");
        }

        // The reference computes all four outcomes and keeps their intervals in order (again ≤ hard < good < easy).
        var outcomes = new MemoryState[4];
        var retrievability = state is null ? 0 : Retrievability(elapsedDays, state.Value.Stability);
        for (var grade = 1; grade <= 4; grade++)
        {
            outcomes[grade - 1] = NextState(state, grade, retrievability);
        }

        var again = NextInterval(outcomes[0].Stability);
        var hard = NextInterval(outcomes[1].Stability);
        var good = NextInterval(outcomes[2].Stability);
        var easy = NextInterval(outcomes[3].Stability);
        again = System.Math.Min(again, hard);
        hard = System.Math.Max(hard, again + 1);
        good = System.Math.Max(good, hard + 1);
        easy = System.Math.Max(easy, good + 1);
        var interval = rating switch
        {
            Rating.Again => again,
            Rating.Hard => hard,
            Rating.Good => good,
            _ => easy,
        };
        return new ScheduledReview(outcomes[(int)rating - 1], interval, reviewedAt.AddDays(interval));
    }

    /// <summary>Probability of recall after <paramref name="elapsedDays"/> (the FSRS-6 power forgetting curve).</summary>
    public static double Retrievability(double elapsedDays, double stability) =>
        RoundTo(System.Math.Pow(1 + (Factor * elapsedDays / stability), Decay), 8);

    private static MemoryState NextState(MemoryState? state, int grade, double retrievability)
    {
        if (state is not { } current)
        {
            return new MemoryState(System.Math.Max(Weights[grade - 1], 0.1), System.Math.Clamp(InitialDifficulty(grade), 1, 10));
        }

        double stability;
        if (grade == 1)
        {
            // Without same-day steps (w17·w18 unused) a lapse never raises stability above the current one.
            var afterLapse = ForgetStability(current.Difficulty, current.Stability, retrievability);
            stability = System.Math.Min(System.Math.Max(RoundTo(current.Stability, 8), MinStability), afterLapse);
        }
        else
        {
            stability = RecallStability(current.Difficulty, current.Stability, retrievability, grade);
        }

        return new MemoryState(stability, NextDifficulty(current.Difficulty, grade));
    }

    private static double InitialDifficulty(int grade) =>
        RoundTo(Weights[4] - System.Math.Exp((grade - 1) * Weights[5]) + 1, 8);

    private static double NextDifficulty(double difficulty, int grade)
    {
        var delta = -Weights[6] * (grade - 3);
        var damped = difficulty + RoundTo(delta * (10 - difficulty) / 9, 8);
        var reverted = RoundTo((Weights[7] * InitialDifficulty(4)) + ((1 - Weights[7]) * damped), 8);
        return System.Math.Clamp(reverted, 1, 10);
    }

    private static double RecallStability(double difficulty, double stability, double retrievability, int grade)
    {
        var hardPenalty = grade == 2 ? Weights[15] : 1;
        var easyBonus = grade == 4 ? Weights[16] : 1;
        var next = stability * (1 + (System.Math.Exp(Weights[8]) * (11 - difficulty) * System.Math.Pow(stability, -Weights[9])
            * (System.Math.Exp((1 - retrievability) * Weights[10]) - 1) * hardPenalty * easyBonus));
        return RoundTo(System.Math.Clamp(next, MinStability, MaxStability), 8);
    }

    private static double ForgetStability(double difficulty, double stability, double retrievability)
    {
        var next = Weights[11] * System.Math.Pow(difficulty, -Weights[12]) * (System.Math.Pow(stability + 1, Weights[13]) - 1)
            * System.Math.Exp((1 - retrievability) * Weights[14]);
        return RoundTo(System.Math.Clamp(next, MinStability, MaxStability), 8);
    }

    private static int NextInterval(double stability) =>
        (int)System.Math.Min(System.Math.Max(1, JsRound(stability * IntervalModifier)), MaximumIntervalDays);

    // JavaScript's Math.round: halves go towards +∞ (the reference's rounding everywhere).
    private static double JsRound(double value) => System.Math.Floor(value + 0.5);

    private static double RoundTo(double value, int decimals)
    {
        var factor = System.Math.Pow(10, decimals);
        return JsRound(value * factor) / factor;
    }
}
