using StudyHub.Jobs.Data;
using StudyHub.Kernel.Validation;

namespace StudyHub.Jobs.Features;

public sealed record JobSummary(Guid Id, string Kind, string State, int Attempts, int MaxAttempts, DateTime CreatedAt, DateTime NextRunAt, DateTime? CompletedAt, string? LastError);

public sealed record JobPage(IReadOnlyList<JobSummary> Items, int Page, int PageSize, int Total);

/// <summary>Administrators list jobs, by default the dead-lettered ones waiting for a decision.</summary>
internal sealed class ListJobs(JobsDbContext db, ICurrentUser currentUser)
{
    public const int MaxPageSize = 100;

    public async Task<JobPage> HandleAsync(string? state, string? kind, int page, int pageSize, CancellationToken cancellationToken)
    {
        currentUser.RequireRole(Role.Admin);
        var errors = new FieldErrors();
        JobState? stateFilter = null;
        if (!string.IsNullOrWhiteSpace(state))
        {
            if (Enum.TryParse<JobState>(state, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                stateFilter = parsed;
            }
            else
            {
                errors.Add("state", "must be queued, running, succeeded or deadLettered.");
            }
        }

        if (kind is { Length: > Job.MaxKindLength })
        {
            errors.Add("kind", $"must be at most {Job.MaxKindLength} characters.");
        }

        if (page < 1)
        {
            errors.Add("page", "must be 1 or more.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"must be between 1 and {MaxPageSize}.");
        }

        errors.ThrowIfAny();

        var query = db.Jobs.AsNoTracking();
        if (stateFilter is { } s)
        {
            query = query.Where(j => j.State == s);
        }

        if (!string.IsNullOrWhiteSpace(kind))
        {
            query = query.Where(j => j.Kind == kind);
        }

        var total = await query.CountAsync(cancellationToken);
        var jobs = await query.OrderByDescending(j => j.CreatedAt).ThenBy(j => j.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new JobPage(jobs.Select(Summary).ToList(), page, pageSize, total);
    }

    public static JobSummary Summary(Job job) =>
        new(job.Id, job.Kind, StateName(job.State), job.Attempts, job.MaxAttempts, job.CreatedAt, job.NextRunAt, job.CompletedAt, job.LastError);

    /// <summary>States as the API writes them everywhere (camelCase).</summary>
    public static string StateName(JobState state) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(state.ToString());

    public static void Map(IEndpointRouteBuilder admin) =>
        admin.MapGet("/", async Task<Ok<JobPage>> (string? state, string? kind, int? page, int? pageSize, ListJobs handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(state, kind, page ?? 1, pageSize ?? 25, ct)))
            .WithName("ListJobs")
            .WithSummary("List background jobs, newest first, e.g. ?state=deadLettered (administrators).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
