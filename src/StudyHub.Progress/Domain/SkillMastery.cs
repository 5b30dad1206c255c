namespace StudyHub.Progress.Domain;

/// <summary>A student's current P(L) for one skill.</summary>
internal sealed class SkillMastery
{
    public const int MaxSkillIdLength = 100;

    public Guid StudentId { get; set; }

    public required string SkillId { get; set; }

    public double PKnown { get; set; }

    /// <summary>First attempts that counted as evidence, and how many of them were right.</summary>
    public int Evidence { get; set; }

    public int CorrectEvidence { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>When P(L) first reached the mastery threshold (kept if it later falls back).</summary>
    public DateTime? MasteredAt { get; set; }

    /// <summary>Optimistic concurrency: two answers applied at once must not both start from the same P(L).</summary>
    public int Version { get; set; }

    public void Apply(bool correct, BktParameters parameters, DateTime at)
    {
        PKnown = KnowledgeTracing.Update(PKnown, correct, parameters);
        Evidence++;
        if (correct)
        {
            CorrectEvidence++;
        }

        if (KnowledgeTracing.IsMastered(PKnown))
        {
            MasteredAt ??= at;
        }

        UpdatedAt = at;
        Version++;
    }
}

/// <summary>P(L) after each piece of evidence: the history behind trends and charts.</summary>
internal sealed class MasterySnapshot
{
    public Guid Id { get; set; }

    public Guid StudentId { get; set; }

    public required string SkillId { get; set; }

    public double PKnown { get; set; }

    public DateTime RecordedAt { get; set; }
}

/// <summary>One question as a student answered it, however many attempts it took (the weak-spot input).</summary>
internal sealed class QuestionResult
{
    public Guid StudentId { get; set; }

    public Guid QuestionId { get; set; }

    public required string SkillId { get; set; }

    /// <summary>The session the question was first answered in; a replay in another session changes nothing.</summary>
    public Guid? GameSessionId { get; set; }

    /// <summary>Right at the first attempt without a hint.</summary>
    public bool Correct { get; set; }

    public int Attempts { get; set; }

    public long TimeTakenMs { get; set; }

    public long TimeLimitMs { get; set; }

    public DateTime FirstAnsweredAt { get; set; }

    public DateTime LastAnsweredAt { get; set; }

    public QuestionOutcome ToOutcome() =>
        new(Correct, Attempts, TimeSpan.FromMilliseconds(TimeTakenMs), TimeSpan.FromMilliseconds(TimeLimitMs));
}

/// <summary>A learning event already applied; handlers run again after a retry and must not count twice.</summary>
internal sealed class AppliedEvent
{
    public Guid EventId { get; set; }

    public DateTime AppliedAt { get; set; }
}

/// <summary>A skill's refitted BKT parameters (absent: the defaults).</summary>
internal sealed class SkillParameterSet
{
    public required string SkillId { get; set; }

    public double Prior { get; set; }

    public double Learn { get; set; }

    public double Guess { get; set; }

    public double Slip { get; set; }

    public int AnswerCount { get; set; }

    public DateTime FittedAt { get; set; }

    public BktParameters ToParameters() => new(Prior, Learn, Guess, Slip);
}
