namespace StudyHub.Kernel.Learning;

/// <summary>
/// A student answered a question (one attempt). Written to the practice module's append-only
/// learning-event log and published through the outbox; mastery, weak spots and xAPI read it.
/// </summary>
/// <param name="EventId">Unique per attempt; handlers use it to stay idempotent.</param>
/// <param name="Attempt">1 for the first attempt at the question (the one knowledge tracing counts).</param>
/// <param name="HintsUsed">Hint levels used before this attempt; any hint makes it count as incorrect for mastery.</param>
public sealed record QuestionAnswered(
    Guid EventId,
    Guid StudentId,
    string SkillId,
    Guid QuestionId,
    Guid? GameSessionId,
    bool Correct,
    int Attempt,
    int HintsUsed,
    TimeSpan TimeTaken,
    TimeSpan TimeLimit,
    DateTime OccurredAt);
