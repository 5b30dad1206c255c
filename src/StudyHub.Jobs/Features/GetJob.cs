using StudyHub.Jobs.Data;

namespace StudyHub.Jobs.Features;

public sealed record JobDetail(
    Guid Id,
    string Kind,
    string State,
    string Payload,
    int Attempts,
    int MaxAttempts,
    DateTime CreatedAt,
    DateTime NextRunAt,
    DateTime? CompletedAt,
    DateTime? LeaseExpiresAt,
    string? LeasedBy,
    string? LastError,
    int Progress,
    string? ProgressMessage);

/// <summary>One job in full, payload and last error included, for an administrator deciding whether to retry it.</summary>
internal sealed class GetJob(JobsDbContext db, ICurrentUser currentUser)
{
    public async Task<JobDetail> HandleAsync(Guid jobId, CancellationToken cancellationToken)
    {
        currentUser.RequireRole(Role.Admin);
        var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, cancellationToken)
            ?? throw new NotFoundException("job");
        return Detail(job);
    }

    public static JobDetail Detail(Job job) => new(
        job.Id, job.Kind, ListJobs.StateName(job.State), job.Payload, job.Attempts, job.MaxAttempts, job.CreatedAt, job.NextRunAt,
        job.CompletedAt, job.LeaseExpiresAt, job.LeasedBy, job.LastError, job.Progress, job.ProgressMessage);

    public static void Map(IEndpointRouteBuilder admin) =>
        admin.MapGet("/{jobId:guid}", async Task<Ok<JobDetail>> (Guid jobId, GetJob handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(jobId, ct)))
            .WithName("GetJob")
            .WithSummary("One background job with its payload and last error (administrators).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
