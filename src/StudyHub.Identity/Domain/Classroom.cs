namespace StudyHub.Identity.Domain;

internal sealed class Classroom
{
    public const int MaxNameLength = 100;
    public const int MaxSubjectLength = 60;
    public const int MaxGradeLength = 20;

    public Guid Id { get; set; }

    public Guid TeacherId { get; set; }

    public required string Name { get; set; }

    public required string Subject { get; set; }

    public required string Grade { get; set; }

    /// <summary>IANA time zone id; decides the class's "today" for streaks and deadlines.</summary>
    public required string TimeZone { get; set; }

    public required string JoinCode { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ArchivedAt { get; set; }
}

internal sealed class Enrollment
{
    public Guid ClassroomId { get; set; }

    public Guid StudentId { get; set; }

    public DateTime JoinedAt { get; set; }
}
