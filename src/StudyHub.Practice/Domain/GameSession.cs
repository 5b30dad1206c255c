namespace StudyHub.Practice.Domain;

internal enum SessionState
{
    Created,
    InProgress,
    Completed,
    Abandoned,
}

/// <summary>A student playing a game: created → in progress → completed, or abandoned when idle too long.</summary>
internal sealed class GameSession
{
    /// <summary>A session idle this long is abandoned (the seed's "timeout").</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    public Guid Id { get; init; }

    public Guid GameId { get; init; }

    public Guid StudentId { get; init; }

    public SessionState State { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime LastActivityAt { get; set; }

    public DateTime? EndedAt { get; set; }

    /// <summary>The student's extended-time multiplier at the start, in percent (100 = none).</summary>
    public int ExtendedTimePercent { get; init; } = 100;

    /// <summary>When the completed session's score was posted to the boards (the instant that picks their periods); null when it was not (a replay, or not completed).</summary>
    public DateTime? BoardsPostedAt { get; set; }

    public int Score { get; set; }

    /// <summary>Consecutive fully right questions so far (the streak bonus's streak).</summary>
    public int AnswerStreak { get; set; }

    public int QuestionsRight { get; set; }

    public bool IsOver => State is SessionState.Completed or SessionState.Abandoned;

    /// <summary>Abandons the session when it has been idle too long; true when it is (now) abandoned.</summary>
    public bool AbandonIfIdle(DateTime now)
    {
        if (!IsOver && now - LastActivityAt > IdleTimeout)
        {
            State = SessionState.Abandoned;
            EndedAt = now;
        }

        return State == SessionState.Abandoned;
    }
}

/// <summary>A question as served in a session: when it was first delivered, its attempts and hints, how it ended.</summary>
internal sealed class QuestionDelivery
{
    public Guid SessionId { get; init; }

    public Guid QuestionId { get; init; }

    /// <summary>The server's clock at the first delivery; fetching again never resets it.</summary>
    public DateTime FirstDeliveredAt { get; init; }

    public int Attempts { get; set; }

    public int HintsUsed { get; set; }

    public DateTime? EndedAt { get; set; }

    public bool AnsweredRight { get; set; }

    public int Points { get; set; }
}

/// <summary>One answer attempt, with the points it earned and their breakdown.</summary>
internal sealed class AnswerAttempt
{
    public Guid Id { get; init; }

    public Guid SessionId { get; init; }

    public Guid QuestionId { get; init; }

    public int Number { get; init; }

    public string Answer { get; init; } = "";

    /// <summary>Share right in thousandths (1000 = fully right), an integer for SQLite sums.</summary>
    public int FractionPermille { get; init; }

    public int Points { get; init; }

    public int TimeTakenMs { get; init; }

    public int TimeLimitMs { get; init; }

    public int HintsUsed { get; init; }

    public DateTime AnsweredAt { get; init; }
}

/// <summary>The stored outcome of a request made with an Idempotency-Key, replayed for the same key and body.</summary>
internal sealed class IdempotencyRecord
{
    public const int MaxKeyLength = 100;

    public Guid StudentId { get; init; }

    public string Key { get; init; } = "";

    /// <summary>SHA-256 of the request's meaningful content, so a different body under the same key is a 409.</summary>
    public string RequestHash { get; init; } = "";

    public string ResponseJson { get; init; } = "";

    public DateTime CreatedAt { get; init; }
}

/// <summary>The kinds of entries of the learning-event log.</summary>
internal enum LearningEventKind
{
    SessionStarted,
    QuestionDelivered,
    HintUsed,
    AnswerAttempted,
    SessionCompleted,
    SessionAbandoned,
    FlashcardReviewed,
}

/// <summary>
/// Append-only log of learning activity (who, question, skill, result, attempts, hints, time): the
/// progress module and reports build on it. Rows are only ever added.
/// </summary>
internal sealed class LearningEvent
{
    public Guid Id { get; init; }

    public Guid StudentId { get; init; }

    public LearningEventKind Kind { get; init; }

    public Guid? SessionId { get; init; }

    public Guid? QuestionId { get; init; }

    public string? SkillId { get; init; }

    public bool? Correct { get; init; }

    public int Attempt { get; init; }

    public int HintsUsed { get; init; }

    public int? TimeTakenMs { get; init; }

    public int? TimeLimitMs { get; init; }

    public int Points { get; init; }

    public DateTime OccurredAt { get; init; }
}
