namespace StudyHub.Practice.Domain;

/// <summary>Why a student thinks a question is bad.</summary>
internal enum ReportReason
{
    WrongAnswer,
    Unclear,
    Typo,
    Other,
}

/// <summary>
/// A student's report of a bad question, one per student and question, kept for the teacher who
/// reviews the game; <see cref="ResolvedAt"/> stays empty until a teacher has looked at it.
/// </summary>
internal sealed class QuestionReport
{
    public const int MaxCommentLength = 500;

    public Guid Id { get; init; }

    public Guid QuestionId { get; init; }

    public Guid GameId { get; init; }

    public Guid StudentId { get; init; }

    public ReportReason Reason { get; init; }

    public string? Comment { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? ResolvedAt { get; set; }

    public ReportResolution? Resolution { get; set; }

    /// <summary>The teacher who resolved it.</summary>
    public Guid? ResolvedBy { get; set; }
}

/// <summary>
/// How a teacher closed the reports of a question: the question was fine (voided points come
/// back), or it was fixed or hidden (points earned on the bad version stay voided).
/// </summary>
internal enum ReportResolution
{
    Fine,
    Fixed,
    Hidden,
}
