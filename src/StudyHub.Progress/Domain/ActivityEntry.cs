namespace StudyHub.Progress.Domain;

/// <summary>The learning events other modules publish that the practice log does not hold.</summary>
internal enum ActivityKind
{
    /// <summary>A badge of the practice catalogue (<see cref="ActivityEntry.ObjectId"/> is the badge id).</summary>
    BadgeEarned,

    /// <summary>
    /// A points badge taken back because the points that earned it were voided by a question report
    /// (<see cref="ActivityEntry.ObjectId"/> is the badge id). Kept in the log, not sent as xAPI: the
    /// registry has no verb for it, and voiding the "earned" statement is the LRS authority's act.
    /// </summary>
    BadgeRevoked,

    /// <summary>Homework uploaded to the Content module (<see cref="ActivityEntry.ObjectId"/> is the homework id).</summary>
    HomeworkUploaded,
}

/// <summary>
/// Progress's part of the append-only learning-event log: badges and uploads, as their modules
/// published them. Together with the practice module's log (answers, hints, sessions, flashcards)
/// it is what xAPI exports. Rows are only ever added; the event id is the key, so a redelivered
/// event adds nothing.
/// </summary>
internal sealed class ActivityEntry
{
    public const int MaxObjectIdLength = 100;
    public const int MaxNameLength = 200;

    /// <summary>The published event's id: also the xAPI statement id.</summary>
    public Guid Id { get; init; }

    public Guid StudentId { get; init; }

    public ActivityKind Kind { get; init; }

    public required string ObjectId { get; init; }

    /// <summary>The badge's name (the catalogue's, no personal data); null for an upload, whose title may be personal.</summary>
    public string? Name { get; init; }

    /// <summary>Files of an upload; 0 for a badge.</summary>
    public int Count { get; init; }

    public DateTime OccurredAt { get; init; }
}
