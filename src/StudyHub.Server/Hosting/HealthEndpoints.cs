using Microsoft.Extensions.Diagnostics.HealthChecks;
using StudyHub.Kernel.Data;

namespace StudyHub.Server.Hosting;

internal static class HealthEndpoints
{
    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<DatabasesHealthCheck>("databases", tags: ["ready"]);
        return builder;
    }

    public static void MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health/live", () => TypedResults.Ok(new { status = "live" }))
            .ExcludeFromDescription().DisableRateLimiting();
        endpoints.MapHealthChecks("/health/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = async (http, report) =>
            {
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsJsonAsync(new
                {
                    status = report.Status.ToString().ToLowerInvariant(),
                    checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString().ToLowerInvariant(), e.Value.Description }),
                });
            },
        }).DisableRateLimiting();
    }
}

/// <summary>Ready means every module's database answers.</summary>
internal sealed class DatabasesHealthCheck(IEnumerable<IModuleDatabase> databases, IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var down = new List<string>();
        foreach (var database in databases)
        {
            try
            {
                if (!await database.CanConnectAsync(services, cancellationToken))
                {
                    down.Add(database.Name);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                down.Add(database.Name);
            }
        }

        return down.Count == 0
            ? HealthCheckResult.Healthy("All databases answer.")
            : HealthCheckResult.Unhealthy("Not answering: " + string.Join(", ", down));
    }
}
