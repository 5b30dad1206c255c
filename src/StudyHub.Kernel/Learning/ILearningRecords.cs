namespace StudyHub.Kernel.Learning;

/// <summary>What a row of the learning-event log records.</summary>
public enum LearningRecordKind
{
    SessionStarted,
    QuestionDelivered,
    HintUsed,
    AnswerAttempted,
    SessionCompleted,
    SessionAbandoned,
    FlashcardReviewed,
}

/// <summary>One row of the practice module's append-only learning-event log, as exports (xAPI) read it.</summary>
/// <param name="QuestionId">The question (or, for a flashcard review, the card).</param>
/// <param name="Correct">Answer right; for a completed session every question right; for a flashcard review recalled.</param>
/// <param name="HintsUsed">Hint levels used before this row (for <see cref="LearningRecordKind.HintUsed"/>: the level just revealed).</param>
public sealed record LearningRecord(
    Guid Id,
    Guid StudentId,
    LearningRecordKind Kind,
    Guid? SessionId,
    Guid? QuestionId,
    string? SkillId,
    bool? Correct,
    int Attempt,
    int HintsUsed,
    int? TimeTakenMs,
    int? TimeLimitMs,
    int Points,
    DateTime OccurredAt);

/// <summary>
/// Reads the learning-event log in time order; the Practice module answers. Callers decide who may
/// read whose rows. Rows of one instant come back together (<see cref="AtAsync"/>) so a caller
/// can page by (time, id) without depending on how a database orders ids.
/// </summary>
public interface ILearningRecords
{
    /// <summary>Up to <paramref name="limit"/> rows after <paramref name="after"/>, oldest first; <paramref name="studentIds"/> null means everyone's.</summary>
    Task<IReadOnlyList<LearningRecord>> AfterAsync(IReadOnlyCollection<Guid>? studentIds, DateTime after, int limit, CancellationToken cancellationToken);

    /// <summary>Every row at exactly <paramref name="at"/>.</summary>
    Task<IReadOnlyList<LearningRecord>> AtAsync(IReadOnlyCollection<Guid>? studentIds, DateTime at, CancellationToken cancellationToken);
}
