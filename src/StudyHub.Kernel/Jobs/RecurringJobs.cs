using Microsoft.Extensions.DependencyInjection;

namespace StudyHub.Kernel.Jobs;

/// <summary>A job kind enqueued every <see cref="Interval"/> (with an empty payload) by whichever worker gets there first.</summary>
public sealed record RecurringJob(string Kind, TimeSpan Interval);

public static class RecurringJobRegistration
{
    /// <summary>
    /// Has the jobs module enqueue <paramref name="kind"/> every interval. Across any number of
    /// instances it is enqueued once per interval; the handler must still be idempotent, as every job is.
    /// </summary>
    public static IServiceCollection AddRecurringJob(this IServiceCollection services, string kind, Func<IServiceProvider, TimeSpan> interval)
    {
        services.AddSingleton(provider => new RecurringJob(kind, interval(provider)));
        return services;
    }
}
