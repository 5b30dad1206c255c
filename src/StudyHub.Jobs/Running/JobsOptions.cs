using System.ComponentModel.DataAnnotations;

namespace StudyHub.Jobs.Running;

/// <summary>The <c>Jobs</c> configuration section.</summary>
internal sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Jobs this process runs at once (default: one per core).</summary>
    [Range(1, 256)]
    public int Concurrency { get; set; } = Environment.ProcessorCount;

    /// <summary>How often an idle worker looks for due jobs enqueued by another process, or retries coming due.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The first retry's delay; each later retry doubles it (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a claim holds without a heartbeat. A running job's worker renews it every third of
    /// this; when a worker dies (kill -9) another takes the job over once it runs out.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a worker looks whether a recurring job (a nightly refit, say) is due.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ScheduleCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}
