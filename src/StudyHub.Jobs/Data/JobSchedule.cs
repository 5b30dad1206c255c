namespace StudyHub.Jobs.Data;

/// <summary>When a recurring job kind is next due. <see cref="NextRunAt"/> is the concurrency token, so of
/// several instances that find it due at once exactly one moves it on and enqueues the job.</summary>
internal sealed class JobSchedule
{
    public required string Kind { get; init; }

    public DateTime NextRunAt { get; set; }

    public Guid? LastJobId { get; set; }
}
