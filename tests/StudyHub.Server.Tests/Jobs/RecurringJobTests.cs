using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Jobs.Data;
using StudyHub.Jobs.Running;
using StudyHub.Kernel.Jobs;
using StudyHub.Server.Tests.Infrastructure;

namespace StudyHub.Server.Tests.Jobs;

public sealed class RecurringJobTests
{
    private const string Kind = "test.nightly";

    [Fact]
    public async Task Two_instances_that_find_a_recurring_job_due_at_once_enqueue_it_once_per_interval()
    {
        using var first = Host();
        using var second = Host().SharingDatabaseOf(first);
        _ = first.Server;
        _ = second.Server;

        // Other modules' recurring jobs are registered too; only this kind's jobs are counted.
        await Task.WhenAll(Scheduler(first).EnqueueDueAsync(), Scheduler(second).EnqueueDueAsync());
        var raced = await CountAsync(first);
        await Scheduler(second).EnqueueDueAsync();
        var again = await CountAsync(first);
        first.Clock.Advance(TimeSpan.FromHours(23));
        second.Clock.Advance(TimeSpan.FromHours(23));
        await Scheduler(first).EnqueueDueAsync();
        var early = await CountAsync(first);
        first.Clock.Advance(TimeSpan.FromHours(1));
        second.Clock.Advance(TimeSpan.FromHours(1));
        await Task.WhenAll(Scheduler(first).EnqueueDueAsync(), Scheduler(second).EnqueueDueAsync());
        var nextDay = await CountAsync(second);

        Assert.Equal(1, raced);
        Assert.Equal(1, again);
        Assert.Equal(1, early);
        Assert.Equal(2, nextDay);
    }

    private static async Task<int> CountAsync(StudyHubFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<JobsDbContext>().Jobs.CountAsync(j => j.Kind == Kind && j.Payload == "{}");
    }

    // Web-role hosts run no workers, so nothing enqueues or runs behind the test's back.
    private static StudyHubFactory Host() => new StudyHubFactory().With("Role", "Web")
        .WithServices(services => services.AddRecurringJob(Kind, _ => TimeSpan.FromDays(1)));

    private static RecurringJobScheduler Scheduler(StudyHubFactory host) => host.Services.GetRequiredService<RecurringJobScheduler>();
}
