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

    /// <summary>Running totals over the skill's answered questions (one per evidence), kept here so
    /// a class's weak spots are computed from one row per student and skill.</summary>
    public int AttemptsTotal { get; set; }

    public double MedianTimeShare { get; set; }

    public long TimeSpentMs { get; set; }

    public SkillStats Stats => new(Evidence, CorrectEvidence, AttemptsTotal, MedianTimeShare);

    /// <summary>When P(L) first reached the mastery threshold in the traced evidence (kept if it later falls back).</summary>
    public DateTime? MasteredAt { get; set; }

    /// <summary>Optimistic concurrency: two answers applied at once must not both replay without the other's evidence.</summary>
    public int Version { get; set; }

    /// <summary>Recomputes the running totals from all of the student's answered questions of this skill.</summary>
    public void Summarise(IReadOnlyCollection<QuestionResult> results)
    {
        var stats = SkillStats.From([.. results.Select(r => r.ToOutcome())]);
        AttemptsTotal = stats.Attempts;
        MedianTimeShare = stats.MedianTimeShare;
        TimeSpentMs = results.Sum(r => r.TimeTakenMs);
    }

    /// <summary>One more piece of evidence, answered no earlier than any before it: the BKT step on the current P(L).</summary>
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

    /// <summary>The order evidence is traced in: when it was answered, then the question id (a fixed tie-break).</summary>
    public static readonly Comparer<QuestionResult> AnswerOrder = Comparer<QuestionResult>.Create((a, b) =>
        a.FirstAnsweredAt != b.FirstAnsweredAt ? a.FirstAnsweredAt.CompareTo(b.FirstAnsweredAt) : a.QuestionId.CompareTo(b.QuestionId));

    /// <summary>
    /// P(L) traced from the prior through every answered question of the skill (one piece of
    /// evidence each) in the order they were answered: for evidence that arrived after later
    /// evidence. Applying evidence in answer order step by step (<see cref="Apply"/>) gives
    /// exactly the same, so answers delivered late or at the same time by several workers end
    /// where one-by-one delivery ends. Returns P(L) after each piece of evidence, in that order.
    /// </summary>
    public List<(QuestionResult Result, double PKnown)> Replay(IReadOnlyCollection<QuestionResult> results, BktParameters parameters)
    {
        var ordered = results.Order(AnswerOrder).ToList();
        var steps = new List<(QuestionResult, double)>(ordered.Count);
        var pKnown = parameters.Prior;
        DateTime? firstMastered = null;
        foreach (var result in ordered)
        {
            pKnown = KnowledgeTracing.Update(pKnown, result.Correct, parameters);
            if (KnowledgeTracing.IsMastered(pKnown))
            {
                firstMastered ??= result.FirstAnsweredAt;
            }

            steps.Add((result, pKnown));
        }

        PKnown = pKnown;
        Evidence = ordered.Count;
        CorrectEvidence = ordered.Count(r => r.Correct);
        MasteredAt = firstMastered;
        UpdatedAt = ordered.Count == 0 ? UpdatedAt : ordered[^1].FirstAnsweredAt;
        Version++;
        return steps;
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
