namespace StudyHub.Progress.Domain;

/// <summary>
/// What Progress knows of one of a student's flashcards after its latest review: the FSRS memory
/// stability, so its retrievability can be worked out on any later day.
/// </summary>
internal sealed class CardMemory
{
    public Guid StudentId { get; set; }

    public Guid CardId { get; set; }

    public required string SkillId { get; set; }

    /// <summary>Days until recall is expected to fall to 90% (FSRS stability S).</summary>
    public double StabilityDays { get; set; }

    public DateTime ReviewedAt { get; set; }
}

/// <summary>
/// The FSRS-6 forgetting curve with its published default decay (w20 = 0.1542):
/// R(t) = (1 + factor·t/S)^decay, where decay = −w20 and factor = 0.9^(1/decay) − 1, so that
/// R(S) = 0.9 exactly (ts-fsrs <c>forgetting_curve</c>; the Practice scheduler uses the same curve).
/// </summary>
internal static class ForgettingCurve
{
    public const double Decay = -0.1542;

    /// <summary>A mastered skill whose cards' mean retrievability today is below this is "mastered, fading".</summary>
    public const double FadingBelow = 0.9;

    public static readonly double Factor = Math.Pow(0.9, 1 / Decay) - 1;

    /// <summary>Probability of recall <paramref name="elapsedDays"/> after a review that left stability <paramref name="stabilityDays"/>.</summary>
    public static double Retrievability(double elapsedDays, double stabilityDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stabilityDays);
        return Math.Pow(1 + (Factor * Math.Max(0, elapsedDays) / stabilityDays), Decay);
    }

    /// <summary>
    /// A skill's retrievability today: the mean over its cards, i.e. the share of them the student
    /// is expected to recall now. Null when none of its cards has been reviewed.
    /// </summary>
    public static double? OfSkill(IEnumerable<CardMemory> cards, DateTime now)
    {
        var values = cards.Select(c => Retrievability((now - c.ReviewedAt).TotalDays, c.StabilityDays)).ToList();
        return values.Count == 0 ? null : values.Average();
    }
}
