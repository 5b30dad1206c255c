using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace StudyHub.Kernel.Jobs;

/// <summary>
/// Runs one kind of job. Handlers are resolved in a fresh DI scope per attempt and must be
/// idempotent: after a crash the same job runs again. A handler that writes results should call
/// <see cref="JobExecution.CompleteWith"/> so the results and the job's completion are saved in
/// one transaction.
/// </summary>
public interface IJobHandler
{
    string Kind { get; }

    Task HandleAsync(JobExecution job, CancellationToken cancellationToken);
}

/// <summary>What a handler knows about the job it runs.</summary>
public abstract class JobExecution
{
    public abstract Guid JobId { get; }

    public abstract string Kind { get; }

    public abstract string Payload { get; }

    /// <summary>1 on the first run.</summary>
    public abstract int Attempt { get; }

    public TPayload ReadPayload<TPayload>() =>
        JsonSerializer.Deserialize<TPayload>(Payload, JobQueue.PayloadJson)
        ?? throw new PermanentJobFailureException($"The payload of job {JobId} is empty.");

    /// <summary>Records progress (0–100) and a short message for live progress and the admin page.</summary>
    public abstract Task ReportProgressAsync(int percent, string message, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the job succeeded inside <paramref name="db"/>'s unit of work (the context must map
    /// the shared jobs table), so the handler's results and the completion commit together.
    /// </summary>
    public abstract void CompleteWith(Microsoft.EntityFrameworkCore.DbContext db);
}

/// <summary>A failure retrying cannot fix (a corrupt file): the job is dead-lettered at once with this readable reason.</summary>
public sealed class PermanentJobFailureException(string reason) : Exception(reason);

public static class JobHandlerRegistration
{
    public static IServiceCollection AddJobHandler<THandler>(this IServiceCollection services)
        where THandler : class, IJobHandler
    {
        services.AddScoped<THandler>();
        services.AddScoped<IJobHandler>(provider => provider.GetRequiredService<THandler>());
        return services;
    }
}
