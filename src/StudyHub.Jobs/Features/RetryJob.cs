using StudyHub.Jobs.Data;
using StudyHub.Jobs.Running;

namespace StudyHub.Jobs.Features;

/// <summary>
/// An administrator sends a dead-lettered job back to the queue (after fixing its cause) with a
/// fresh set of attempts. Only dead-lettered jobs: retrying a queued or running one would run it twice.
/// </summary>
internal sealed class RetryJob(JobsDbContext db, ICurrentUser currentUser, JobSignal signal, TimeProvider clock)
{
    public async Task<JobDetail> HandleAsync(Guid jobId, CancellationToken cancellationToken)
    {
        currentUser.RequireRole(Role.Admin);
        var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, cancellationToken)
            ?? throw new NotFoundException("job");
        if (job.State != JobState.DeadLettered)
        {
            throw new ConflictException("job_not_dead_lettered", $"Only dead-lettered jobs can be retried; this one is {ListJobs.StateName(job.State)}.");
        }

        // The state check above and this write race with another administrator's retry: the
        // conditional UPDATE lets exactly one of them re-queue the job.
        var requeued = await db.Jobs.Where(j => j.Id == jobId && j.State == JobState.DeadLettered).ExecuteUpdateAsync(set => set
            .SetProperty(j => j.State, JobState.Queued)
            .SetProperty(j => j.Attempts, 0)
            .SetProperty(j => j.NextRunAt, clock.GetUtcNow().UtcDateTime)
            .SetProperty(j => j.CompletedAt, (DateTime?)null)
            .SetProperty(j => j.Progress, 0)
            .SetProperty(j => j.ProgressMessage, (string?)null), cancellationToken);
        if (requeued == 0)
        {
            throw new ConflictException("job_not_dead_lettered", "The job was retried meanwhile.");
        }

        var queued = GetJob.Detail(await db.Jobs.AsNoTracking().FirstAsync(j => j.Id == jobId, cancellationToken));
        signal.Pulse(); // a worker of this process starts it now; others find it at their next poll
        return queued;
    }

    public static void Map(IEndpointRouteBuilder admin) =>
        admin.MapPost("/{jobId:guid}/retry", async Task<Ok<JobDetail>> (Guid jobId, RetryJob handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(jobId, ct)))
            .WithName("RetryJob")
            .WithSummary("Send a dead-lettered job back to the queue with fresh attempts (administrators).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
