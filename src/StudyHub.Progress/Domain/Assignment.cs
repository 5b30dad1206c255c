namespace StudyHub.Progress.Domain;

/// <summary>A game a teacher set for a classroom (or some of its students), due at an instant.</summary>
internal sealed class Assignment
{
    public const int MaxTitleLength = 200;

    public Guid Id { get; init; }

    public Guid ClassroomId { get; init; }

    public Guid TeacherId { get; init; }

    public Guid GameId { get; init; }

    public string Title { get; set; } = "";

    /// <summary>The due instant (UTC), from a local date and time in the class's time zone.</summary>
    public DateTime DueAt { get; set; }

    public DateTime CreatedAt { get; init; }

    /// <summary>The students it is for; empty means everyone in the class, now and later.</summary>
    public List<AssignmentStudent> Students { get; init; } = [];

    public bool IsFor(Guid studentId) => Students.Count == 0 || Students.Exists(s => s.StudentId == studentId);
}

internal sealed class AssignmentStudent
{
    public Guid AssignmentId { get; init; }

    public Guid StudentId { get; init; }
}

/// <summary>Where a student stands on an assignment. Late work is marked, never dropped.</summary>
public enum AssignmentStatus
{
    NotStarted,
    InProgress,
    Completed,
    CompletedLate,
    Missing,
}

/// <summary>A student's standing worked out from their plays of the assigned game since it was set.</summary>
internal sealed record AssignmentStanding(AssignmentStatus Status, int? BestPoints, double? Accuracy, TimeSpan TimeSpent, DateTime? CompletedAt)
{
    public static AssignmentStanding From(Assignment assignment, IEnumerable<Kernel.Learning.GamePlay> plays, int questionCount, DateTime now)
    {
        var list = plays.ToList();
        var completed = list.Where(p => p.CompletedAt is not null).ToList();
        var timeSpent = list.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.TimeSpent);
        if (completed.Count == 0)
        {
            var status = now > assignment.DueAt ? AssignmentStatus.Missing
                : list.Count > 0 ? AssignmentStatus.InProgress
                : AssignmentStatus.NotStarted;
            return new AssignmentStanding(status, null, null, timeSpent, null);
        }

        var first = completed.MinBy(p => p.CompletedAt)!;
        var best = completed.MaxBy(p => p.Points)!;
        var accuracy = questionCount == 0 ? (double?)null : Math.Round((double)best.QuestionsRight / questionCount, 4);
        return new AssignmentStanding(
            first.CompletedAt > assignment.DueAt ? AssignmentStatus.CompletedLate : AssignmentStatus.Completed,
            best.Points, accuracy, timeSpent, first.CompletedAt);
    }
}
