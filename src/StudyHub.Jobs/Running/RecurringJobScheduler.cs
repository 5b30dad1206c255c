using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StudyHub.Jobs.Data;

namespace StudyHub.Jobs.Running;

/// <summary>
/// Enqueues each registered <see cref="RecurringJob"/> when its schedule row says it is due. The row
/// and the job are saved together, and the row's due time is a concurrency token: when two instances
/// race, the loser's save fails and it enqueues nothing.
/// </summary>
internal sealed class RecurringJobScheduler(IEnumerable<RecurringJob> recurring, IServiceScopeFactory scopes, TimeProvider clock, ILogger<RecurringJobScheduler> logger)
{
    private readonly IReadOnlyList<RecurringJob> _recurring = [.. recurring];

    public bool HasSchedules => _recurring.Count > 0;

    /// <summary>Enqueues every recurring job that is due; returns how many this instance enqueued.</summary>
    public async Task<int> EnqueueDueAsync(CancellationToken cancellationToken = default)
    {
        var enqueued = 0;
        foreach (var due in _recurring)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            var schedule = await db.Schedules.FirstOrDefaultAsync(s => s.Kind == due.Kind, cancellationToken);
            if (schedule is null)
            {
                // First start: run soon, then keep the interval.
                schedule = new JobSchedule { Kind = due.Kind, NextRunAt = now };
                db.Schedules.Add(schedule);
            }

            if (schedule.NextRunAt > now)
            {
                continue;
            }

            var job = Job.Create(due.Kind, "{}", now);
            db.Jobs.Add(job);
            schedule.NextRunAt = now + due.Interval;
            schedule.LastJobId = job.Id;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                enqueued++;
            }
            catch (DbUpdateException race)
            {
                // Another instance enqueued it (or created the row) first.
                logger.LogDebug(race, "Recurring job {Kind} was enqueued by another instance", due.Kind);
            }
        }

        return enqueued;
    }
}
