namespace StudyHub.Identity.Domain;

internal sealed class AuditEntry
{
    public Guid Id { get; set; }

    public DateTime OccurredAt { get; set; }

    public required string EventType { get; set; }

    public Guid? ActorId { get; set; }

    public Guid? SubjectId { get; set; }

    public string? Detail { get; set; }

    public string? CorrelationId { get; set; }

    public string? IpAddress { get; set; }
}
