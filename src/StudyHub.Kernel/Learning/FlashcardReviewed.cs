namespace StudyHub.Kernel.Learning;

/// <summary>
/// A student reviewed a flashcard and rated their own recall (FSRS: again, hard, good, easy).
/// Separate from <see cref="QuestionAnswered"/> on purpose: a self-rating is not a checked answer,
/// so mastery estimates should not read it as one; streaks, reports and xAPI may.
/// </summary>
/// <param name="EventId">Unique per review; handlers use it to stay idempotent.</param>
/// <param name="SkillId">The card's skill, null for a homework card whose problem has none.</param>
/// <param name="Rating">1 again, 2 hard, 3 good, 4 easy.</param>
/// <param name="Stability">The card's FSRS memory stability after the review, in days (recall falls to 90% after it); null in events published before it was carried.</param>
public sealed record FlashcardReviewed(
    Guid EventId,
    Guid StudentId,
    Guid CardId,
    string? SkillId,
    int Rating,
    int IntervalDays,
    DateTime NextDueAt,
    DateTime ReviewedAt,
    double? Stability = null);
