using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using StudyHub.Jobs.Data;
using StudyHub.Jobs.Features;
using StudyHub.Jobs.Running;
using StudyHub.Kernel.Data;

namespace StudyHub.Jobs;

/// <summary>Durable jobs: the shared jobs table (also the outbox), the runner, and the administrators' dead-letter tools.</summary>
public static class JobsModule
{
    /// <param name="runWorkers">
    /// Read once the host is built (settings are final then): false in the <c>web</c> role, where
    /// jobs are enqueued but run by <c>worker</c> processes. Null: always run workers.
    /// </param>
    public static WebApplicationBuilder AddJobsModule(this WebApplicationBuilder builder, Func<IServiceProvider, bool>? runWorkers = null)
    {
        var services = builder.Services;
        services.AddModuleDbContext<JobsDbContext>(JobsDbContext.MigrationsHistoryTable);
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<JobSignal>();
        services.AddSingleton<ISaveChangesInterceptor, JobEnqueuedInterceptor>();
        services.AddSingleton<JobDispatch>();
        services.AddSingleton<JobMetrics>();
        services.AddSingleton<RecurringJobScheduler>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton(provider => new JobWorkersSwitch(runWorkers?.Invoke(provider) ?? true));
        services.AddHostedService(provider => provider.GetRequiredService<JobRunner>());

        services.AddScoped<ListJobs>();
        services.AddScoped<GetJob>();
        services.AddScoped<RetryJob>();
        return builder;
    }

    public static IEndpointRouteBuilder MapJobsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/api/v1/admin/jobs").RequireAuthorization().WithTags("Admin");
        ListJobs.Map(admin);
        GetJob.Map(admin);
        RetryJob.Map(admin);
        return endpoints;
    }
}
