namespace StudyHub.Practice.Domain;

/// <summary>A student's deck: cards made from a homework's problems with an answer key, or from a skill's problems.</summary>
internal sealed class FlashcardDeck
{
    public const int MaxTitleLength = 200;

    public Guid Id { get; init; }

    public Guid StudentId { get; init; }

    public string Title { get; init; } = "";

    public Guid? HomeworkId { get; init; }

    public string? SkillId { get; init; }

    public DateTime CreatedAt { get; init; }

    public List<Flashcard> Cards { get; init; } = [];
}

/// <summary>One card and its FSRS memory state (none until its first review).</summary>
internal sealed class Flashcard
{
    public const int MaxSideLength = 2000;

    public Guid Id { get; init; }

    public Guid DeckId { get; init; }

    public Guid StudentId { get; init; }

    public int Position { get; init; }

    public string Front { get; init; } = "";

    public string Back { get; init; } = "";

    public string? SkillId { get; init; }

    public double? Stability { get; private set; }

    public double? Difficulty { get; private set; }

    public DateTime? LastReviewedAt { get; private set; }

    /// <summary>When the card is next due; a new card is due from its creation.</summary>
    public DateTime DueAt { get; set; }

    public int Reviews { get; private set; }

    public int Lapses { get; private set; }

    public DateTime CreatedAt { get; init; }

    public bool IsNew => Reviews == 0;

    private MemoryState? State => Stability is { } stability && Difficulty is { } difficulty ? new MemoryState(stability, difficulty) : null;

    /// <summary>What a review with <paramref name="rating"/> at <paramref name="at"/> would schedule, without applying it (the review buttons' labels).</summary>
    public ScheduledReview Preview(Rating rating, DateTime at) => Fsrs.Review(State, LastReviewedAt, at, rating);

    /// <summary>Applies a review: FSRS-6 computes the new memory state and interval from the current one.</summary>
    public ScheduledReview Review(Rating rating, DateTime reviewedAt)
    {
        var state = State;
        var scheduled = Preview(rating, reviewedAt);
        Stability = scheduled.State.Stability;
        Difficulty = scheduled.State.Difficulty;
        LastReviewedAt = reviewedAt;
        DueAt = scheduled.DueAt;
        Reviews++;
        Lapses += rating == Rating.Again && state is not null ? 1 : 0;
        return scheduled;
    }
}

/// <summary>One review of a card, kept as history (the memory state after it, for audits and refits).</summary>
internal sealed class FlashcardReview
{
    public Guid Id { get; init; }

    public Guid CardId { get; init; }

    public Guid StudentId { get; init; }

    /// <summary>1 for the card's first review; unique per card, so two concurrent reviews cannot both apply.</summary>
    public int Number { get; init; }

    public Rating Rating { get; init; }

    public double Stability { get; init; }

    public double Difficulty { get; init; }

    public int IntervalDays { get; init; }

    public int Points { get; init; }

    public DateTime ReviewedAt { get; init; }
}
