namespace StudyHub.Kernel.Jobs;

public enum JobState
{
    /// <summary>Waiting for <see cref="Job.NextRunAt"/>; also the state of a job retried after a failure.</summary>
    Queued,
    Running,
    Succeeded,

    /// <summary>Out of attempts, or failed permanently: kept for an administrator to inspect and retry.</summary>
    DeadLettered,
}

/// <summary>
/// One durable unit of background work in the shared <c>jobs</c> table. It is also the outbox: a
/// module adds a job to its own DbContext (see <see cref="JobQueue"/>) in the same
/// <c>SaveChanges</c> as the data it belongs to, so the work is never lost and never exists
/// without its data.
/// </summary>
public sealed class Job
{
    public const int MaxKindLength = 100;
    public const int MaxErrorLength = 2000;
    public const int MaxProgressMessageLength = 200;

    private Job()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Which <see cref="IJobHandler"/> runs it, e.g. <c>content.read-homework</c>.</summary>
    public string Kind { get; private set; } = "";

    /// <summary>The handler's input as JSON.</summary>
    public string Payload { get; private set; } = "";

    public JobState State { get; set; }

    public int Attempts { get; set; }

    public int MaxAttempts { get; set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime NextRunAt { get; set; }

    /// <summary>While running: the instant after which another worker may take the job over (its worker died).</summary>
    public DateTime? LeaseExpiresAt { get; set; }

    public string? LeasedBy { get; set; }

    public DateTime? CompletedAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>0–100, reported by the handler for live progress.</summary>
    public int Progress { get; set; }

    public string? ProgressMessage { get; set; }

    public static Job Create(string kind, string payload, DateTime now, int maxAttempts = 5)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        if (kind.Length > MaxKindLength)
        {
            throw new ArgumentException($"A job kind is at most {MaxKindLength} characters.", nameof(kind));
        }

        return new Job
        {
            Id = Guid.CreateVersion7(),
            Kind = kind,
            Payload = payload,
            State = JobState.Queued,
            MaxAttempts = maxAttempts,
            CreatedAt = now,
            NextRunAt = now,
        };
    }
}
