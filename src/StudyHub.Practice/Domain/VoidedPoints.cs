namespace StudyHub.Practice.Domain;

/// <summary>
/// Points a session earned on a reported question, taken off its score (and, for a completed
/// session, off the student's lifetime points and the boards it was posted to) while the report is
/// open. One row per question and session, so voiding twice never takes the points off twice; the
/// row is deleted when the points come back ("question fine") and kept as <see cref="Final"/> when
/// the teacher fixed or hid the question.
/// </summary>
internal sealed class VoidedPoints
{
    public Guid QuestionId { get; init; }

    public Guid SessionId { get; init; }

    public Guid StudentId { get; init; }

    public int Points { get; init; }

    public DateTime VoidedAt { get; init; }

    /// <summary>The teacher fixed or hid the question: these points never come back.</summary>
    public bool Final { get; set; }
}
