namespace StudyHub.Progress.Domain;

/// <summary>How one question of a skill went for a student: counted once, however many attempts it took.</summary>
/// <param name="Correct">Right at the first attempt without a hint (the same rule as mastery evidence).</param>
/// <param name="Attempts">Attempts used, 1–3.</param>
/// <param name="TimeTaken">From first delivery to the question's end, measured by the server.</param>
/// <param name="TimeLimit">The question's limit (after any extended-time multiplier).</param>
internal readonly record struct QuestionOutcome(bool Correct, int Attempts, TimeSpan TimeTaken, TimeSpan TimeLimit);

internal enum WeakSpotActionKind
{
    /// <summary>A practice game generated for the skill.</summary>
    PracticeGame,

    /// <summary>Re-read the homework or document the skill came from, then practise.</summary>
    ReviewMaterial,
}

/// <summary>What to do about a weak spot; <see cref="MaterialId"/> names the homework or document to review.</summary>
internal sealed record WeakSpotAction(WeakSpotActionKind Kind, string SkillId, Guid? MaterialId);

/// <summary>A skill that needs work, with the factors of its priority (each 0–1) and the priority (0–100).</summary>
internal sealed record WeakSpot(
    string SkillId,
    int Answered,
    double Accuracy,
    double AccuracyGap,
    double AttemptsFactor,
    double TimeFactor,
    double? ExamWeight,
    double Priority,
    WeakSpotAction Action);

/// <summary>
/// Weak spots as the mootion seed defines them: at least 5 answered questions and accuracy below
/// 70%, ranked by priority = 100 × (0.50·g + 0.20·a + 0.15·t + 0.15·e). Worked examples: docs/progress.md.
/// </summary>
internal static class WeakSpots
{
    public const int MinimumAnswered = 5;
    public const double AccuracyThreshold = 0.70;

    /// <summary>Below this accuracy the idea itself is missing, so review comes before more practice.</summary>
    public const double ReviewBelowAccuracy = 0.50;

    private const double GapWeight = 0.50, AttemptsWeight = 0.20, TimeWeight = 0.15, ExamWeightWeight = 0.15;

    /// <summary>The skill's weak spot, or null when it is not one (too few answers, or accurate enough).</summary>
    /// <param name="examWeight">The skill's weight (0–1) in the student's next exam; null when no exam is planned.</param>
    /// <param name="reviewMaterial">The homework or document the student met the skill in, if any.</param>
    public static WeakSpot? Assess(string skillId, IReadOnlyList<QuestionOutcome> outcomes, double? examWeight, Guid? reviewMaterial)
    {
        ArgumentException.ThrowIfNullOrEmpty(skillId);
        ArgumentNullException.ThrowIfNull(outcomes);
        if (examWeight is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(examWeight), examWeight, "An exam weight is between 0 and 1.");
        }

        if (outcomes.Count < MinimumAnswered)
        {
            return null;
        }

        var accuracy = (double)outcomes.Count(o => o.Correct) / outcomes.Count;
        if (accuracy >= AccuracyThreshold)
        {
            return null;
        }

        var g = 1 - accuracy;
        var a = Math.Clamp((outcomes.Average(o => o.Attempts) - 1) / 2, 0, 1);
        var t = Math.Clamp(MedianTimeShare(outcomes), 0, 1);

        // With no exam the exam term is left out and the other three weights rescaled to sum to 1.
        var priority = examWeight is { } e
            ? 100 * (GapWeight * g + AttemptsWeight * a + TimeWeight * t + ExamWeightWeight * e)
            : 100 * (GapWeight * g + AttemptsWeight * a + TimeWeight * t) / (GapWeight + AttemptsWeight + TimeWeight);

        var action = accuracy < ReviewBelowAccuracy && reviewMaterial is not null
            ? new WeakSpotAction(WeakSpotActionKind.ReviewMaterial, skillId, reviewMaterial)
            : new WeakSpotAction(WeakSpotActionKind.PracticeGame, skillId, null);
        return new WeakSpot(skillId, outcomes.Count, accuracy, g, a, t, examWeight, priority, action);
    }

    /// <summary>Highest priority first; ties go to the lower accuracy, then the skill id (a stable order).</summary>
    public static IReadOnlyList<WeakSpot> Rank(IEnumerable<WeakSpot> weakSpots) =>
        [.. weakSpots.OrderByDescending(w => w.Priority).ThenBy(w => w.Accuracy).ThenBy(w => w.SkillId, StringComparer.Ordinal)];

    /// <summary>
    /// The median of time taken / time limit per question. Questions of one skill can have
    /// different limits (multiple choice 30 s, free answer 60 s), so each is divided by its own
    /// limit first; with a single limit this equals the median time over the limit.
    /// </summary>
    private static double MedianTimeShare(IReadOnlyList<QuestionOutcome> outcomes)
    {
        var shares = outcomes
            .Select(o => o.TimeLimit > TimeSpan.Zero ? o.TimeTaken / o.TimeLimit : 1)
            .Order()
            .ToArray();
        var middle = shares.Length / 2;
        return shares.Length % 2 == 1 ? shares[middle] : (shares[middle - 1] + shares[middle]) / 2;
    }
}
